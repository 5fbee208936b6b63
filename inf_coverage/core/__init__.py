"""Bottom layer: layout and limits, small statistics."""
