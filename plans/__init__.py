"""The bundled plan library: Markdown programme plans shipped inside the wheel."""
