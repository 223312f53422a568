"""Applications: the model and the hooks other families call (:mod:`.model`), Amazon's catalog as data
(:mod:`.catalog`), association rows (:mod:`.association`), the deployment state machine
(:mod:`.deployment`) and the arrange side (:mod:`.arrange`)."""
