"""Plain data models, one module per resource family; attribute names are ``xform_name`` of API members."""
