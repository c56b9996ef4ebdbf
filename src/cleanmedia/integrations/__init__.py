"""Steps for corpus engines (each an optional extra): `cleanmedia.integrations.datatrove` for datatrove
pipelines; Ray Data and Spark take `cleanmedia.batch.clean_batch` directly (docs/scale.md)."""
