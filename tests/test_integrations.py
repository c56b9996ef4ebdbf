"""cleanmedia on real corpus engines, run in local mode: a datatrove pipeline step, Ray Data and Spark.

All are optional extras (datatrove and Ray installed by `.[test]`, pyspark by `.[spark]`, which `.ci/run`
installs when it can); without them these tests are skipped. Ray and Spark are heavy (hundreds of MB,
tens of seconds to start here): their tests run where CI is set (`.ci/run`) or with CLEANMEDIA_TEST_RAY=1
/ CLEANMEDIA_TEST_SPARK=1, and `pytest -m "not ray and not spark"` leaves them out in any case.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pytest

from cleanmedia import clean
from cleanmedia.batch import clean_batch

TEXTS = [
    "Partager:\n\nLa la tension monte entre les deux pays depuis des mois, selon les experts.",
    "Follow Me\n\nThe council approved the new budget on Tuesday after a long debate.",
    "<html><body><article><p>Der Gemeinderat hat den neuen Haushalt am Dienstag nach langer Debatte "
    "beschlossen.</p></article><nav><a href='/'>Startseite</a></nav></body></html>",
]


def test_datatrove_pipeline_step(tmp_path: Path) -> None:
    pytest.importorskip("datatrove")
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    from cleanmedia.integrations.datatrove import CleanmediaStep

    (tmp_path / "raw").mkdir()
    lines = [json.dumps({"id": str(i), "text": t}) for i, t in enumerate(TEXTS)]
    (tmp_path / "raw" / "part.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    LocalPipelineExecutor(
        [
            JsonlReader(str(tmp_path / "raw")),
            CleanmediaStep(),
            JsonlWriter(str(tmp_path / "clean"), output_filename="out.jsonl", compression=None),
        ],
        tasks=1,
        workers=1,
        logging_dir=str(tmp_path / "logs"),
    ).run()
    out = [json.loads(x) for x in (tmp_path / "clean" / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [d["id"] for d in out] == ["0", "1", "2"]
    assert [d["text"] for d in out] == [clean(t) for t in TEXTS]
    info = [d["metadata"]["cleanmedia"] for d in out]
    assert info[0]["lang"] == "fr" and info[0]["reasons"]["doubled.word"] == 1
    assert info[0]["changes"] == sum(info[0]["reasons"].values())
    assert info[2]["lang"] == "de"


def test_datatrove_step_keeps_or_drops_a_failure() -> None:
    pytest.importorskip("datatrove")
    from datatrove.data import Document

    from cleanmedia.integrations.datatrove import CleanmediaStep

    docs = [Document(text=None, id="bad"), Document(text=TEXTS[1], id="good")]
    kept = list(CleanmediaStep().run(iter(docs)))
    assert [d.id for d in kept] == ["bad", "good"]
    assert kept[0].metadata["cleanmedia"] == {"error": "not text: got nothing"} and kept[0].text is None
    docs = [Document(text=None, id="bad"), Document(text=TEXTS[1], id="good")]
    assert [d.id for d in CleanmediaStep(drop_failed=True).run(iter(docs))] == ["good"]


@pytest.mark.ray
@pytest.mark.skipif(
    not (os.environ.get("CI") or os.environ.get("CLEANMEDIA_TEST_RAY")),
    reason="Ray takes 20-50 s: run where CI is set, or with CLEANMEDIA_TEST_RAY=1",
)
def test_ray_data_map_batches(tmp_path: Path) -> None:
    ray = pytest.importorskip("ray")
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")

    pq.write_table(pa.table({"id": [0, 1, 2], "text": TEXTS}), tmp_path / "in.parquet")
    ray.init(num_cpus=1, include_dashboard=False, log_to_driver=False, configure_logging=False)
    try:
        ds = ray.data.read_parquet(str(tmp_path / "in.parquet"))
        ds.map_batches(clean_batch, batch_size=2).write_parquet(str(tmp_path / "out"))
    finally:
        ray.shutdown()
    rows = sorted(pq.read_table(tmp_path / "out").to_pylist(), key=lambda r: r["id"])
    assert [r["text"] for r in rows] == [clean(t).rstrip("\n") for t in TEXTS]  # fields gain no newline
    assert [r["cleanmedia_lang"] for r in rows] == ["fr", "en", "de"]
    assert [r["cleanmedia_error"] for r in rows] == [None, None, None]


def docs_example(section: str) -> str:
    """The first Python block under the `## {section}` heading of docs/scale.md: the example users copy."""
    text = (Path(__file__).parent.parent / "docs" / "scale.md").read_text(encoding="utf-8")
    body = text.split(f"\n## {section}", 1)[1].split("\n## ", 1)[0]
    return body.split("```python\n", 1)[1].split("```", 1)[0]


@pytest.mark.spark
@pytest.mark.skipif(
    not (os.environ.get("CI") or os.environ.get("CLEANMEDIA_TEST_SPARK")),
    reason="Spark takes 20-60 s: run where CI is set, or with CLEANMEDIA_TEST_SPARK=1",
)
def test_spark_map_in_pandas_example_of_the_docs(monkeypatch: pytest.MonkeyPatch) -> None:
    """The docs' mapInPandas example, run as written on a local Spark session (its schema must match
    what `clean_frame` returns, or Spark refuses the rows)."""
    pytest.importorskip("pyspark")
    pytest.importorskip("pyarrow")
    pytest.importorskip("pandas")
    if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
        pytest.skip("Spark needs a Java runtime (17 or later)")
    from pyspark.sql import SparkSession

    monkeypatch.setenv("PYSPARK_PYTHON", sys.executable)  # Spark's Python workers: this interpreter
    spark = (
        SparkSession.builder.master("local[1]")
        .appName("cleanmedia-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "1")
        .getOrCreate()
    )
    try:
        df = spark.createDataFrame(list(enumerate(TEXTS)), "id long, text string")
        namespace: dict[str, object] = {"df": df}
        exec(docs_example("Spark"), namespace)
        cleaned = namespace["clean"]
        rows = sorted((r.asDict() for r in cleaned.collect()), key=lambda r: r["id"])  # type: ignore[attr-defined]
    finally:
        spark.stop()
    assert [r["text"] for r in rows] == [clean(t).rstrip("\n") for t in TEXTS]  # fields gain no newline
    assert [r["cleanmedia_lang"] for r in rows] == ["fr", "en", "de"]
    assert [r["cleanmedia_error"] for r in rows] == [None, None, None]
    assert [r["cleanmedia_changes"] for r in rows][:2] == [2, 1]
