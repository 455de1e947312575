"""Code a whole corpus automatically: read articles of any number and size in flat memory, run
the suggester in parallel (local processes or a dask.distributed cluster), write Parquet tables
in partitions that make a run resumable after a kill with no duplicates and no gaps.

`plan` turns input files into numbered batches, `work` codes one batch (on a worker),
`run` drives the job and `manifest` binds an output folder to its inputs.
"""
