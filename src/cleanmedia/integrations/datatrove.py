"""A datatrove pipeline step that cleans each Document's text (`pip install 'cleanmedia[datatrove]'`).

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from cleanmedia.integrations.datatrove import CleanmediaStep

    LocalPipelineExecutor(
        [JsonlReader("raw/"), CleanmediaStep(), JsonlWriter("clean/")], tasks=4, logging_dir="logs/"
    ).run()

datatrove's executors (local, Slurm, Ray) run the step as they run any other. A document that cannot be
cleaned is forwarded unchanged with the reason in its metadata (nothing is dropped unless
`drop_failed=True`), as the rest of cleanmedia's batch interfaces do.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING

from datatrove.data import Document, DocumentsPipeline
from datatrove.pipeline.base import PipelineStep

from cleanmedia.api import with_known
from cleanmedia.batch import INFO_KEY, clean_one, record_known
from cleanmedia.options import OptionFields, Options, resolve

if TYPE_CHECKING:
    from typing_extensions import Unpack


class CleanmediaStep(PipelineStep):  # type: ignore[misc]  # datatrove is untyped
    """Cleans `document.text` and stores what cleanmedia learnt in `document.metadata["cleanmedia"]`:
    the page metadata (lang, title, author, date, site, url, where found; the Document's own `url` and
    `date`, which datatrove's WARC reader sets, applied as a record's are: `api.with_known`), `changes` (the number of
    edits that changed the text) and `reasons` (edits per reason code, e.g. `{"boilerplate.share": 2}`);
    for a failure, `error` instead. Stats: `cleaned`, `changed`, `failed`, `dropped`.

    `options` (or keyword overrides of its fields: `lang`, `chain`, `input_format`, `main_content`) are
    those of `clean_and_explain` (`cleanmedia.Options`); HTML text (a WARC reader's output before any
    extractor) is extracted by cleanmedia itself. The batch budget applies (`max_seconds`, `max_bytes`:
    120 s, 64 MB unless the options give their own): a runaway document fails alone.
    """

    name = "🧽 cleanmedia"
    type = "✂️ - FORMAT"

    def __init__(
        self, options: Options | None = None, *, drop_failed: bool = False, **overrides: Unpack[OptionFields]
    ) -> None:
        super().__init__()
        self.options = resolve(options, overrides).with_(flags=False).with_batch_budget()  # no flags kept
        self.drop_failed = drop_failed

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> Iterator[Document]:
        for document in data or ():
            with self.track_time():
                kept = self.clean(document)
            if kept:
                yield document

    def clean(self, document: Document) -> bool:
        """Clean one document in place; False when it failed and failures are dropped."""
        outcome = clean_one(document.text, self.options)
        if outcome.result is None:
            self.stat_update("failed")
            document.metadata[INFO_KEY] = {"error": outcome.error}
            if self.drop_failed:
                self.stat_update("dropped")
            return not self.drop_failed
        result = with_known(outcome.result, record_known(document.metadata, "the Document's metadata"))
        reasons = Counter(e.reason for e in result.edits if not e.flag)
        document.text = result.text
        document.metadata[INFO_KEY] = {
            **result.metadata.to_dict(),
            "changes": sum(reasons.values()),
            "reasons": dict(sorted(reasons.items())),
        }
        self.stat_update("cleaned")
        if reasons:
            self.stat_update("changed")
        self.update_doc_stats(document)
        return True
