"""The app's screens, one file each, with their styles beside them."""
