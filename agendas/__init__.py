"""The bundled agenda library: Markdown agenda files shipped inside the wheel."""
