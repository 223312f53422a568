"""WorkSpaces: the model and its lifecycle (:mod:`.model`), the request rules (:mod:`.rules`), property
changes (:mod:`.modify`) and the arrange side (:mod:`.arrange`)."""
