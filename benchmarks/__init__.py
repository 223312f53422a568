"""Side-by-side benchmarks: workspaces_fake against botocore's Stubber (the floor) and moto (the peer).

Run ``python -m benchmarks`` to measure every scenario and rewrite ``docs/performance.md``, or
``python -m benchmarks --smoke`` for the tiny run CI uses to keep the harness working. Each contender runs
in its own interpreter, so no contender pays for another's imports, handlers or garbage.
"""
