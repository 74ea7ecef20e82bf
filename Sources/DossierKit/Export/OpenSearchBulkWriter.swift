/// Export rows as the NDJSON body of an OpenSearch or Elasticsearch `_bulk` request.
///
/// Each row is two lines: an `index` action naming the target index and a stable `_id`, then the
/// document (the JSON Lines object of the row plus `article`, the article's content hash):
///
/// ```
/// {"index":{"_index":"dossier","_id":"3:9f2c41d0e8a7b6c5d4e3f2a1b0c9d8e7-4"}}
/// {"query_id":"3","query":"cluster munitions","rank":1,"score":7.1234,...,"article":"9f2c41d0…"}
/// ```
///
/// The `_id` is `ARTICLE-PASSAGE` (the first 32 hex digits of the article's content hash and the
/// passage ordinal), prefixed with `QUERY_ID:` unless the export is deduplicated, so that one
/// passage hit by two queries stays two documents. It depends only on the article's title and
/// text, not on paths or row ids, so re-running an export re-indexes the same documents instead of
/// adding copies. Send with
/// `curl -H 'Content-Type: application/x-ndjson' -XPOST host:9200/_bulk --data-binary @bulk.ndjson`
/// (split files over the cluster's `http.max_content_length`, 100 MB by default).
public final class OpenSearchBulkWriter: ExportRowWriter {
    let sink: OutputSink
    let indexName: String
    let dedupe: Bool

    public init(sink: OutputSink, indexName: String = "dossier", dedupe: Bool = false) {
        self.sink = sink
        self.indexName = indexName
        self.dedupe = dedupe
    }

    /// The document id of `row`.
    public func documentID(_ row: ExportRow) -> String {
        let base = String(row.hit.articleHash.prefix(32)) + "-" + String(row.hit.hit.passage)
        return dedupe ? base : row.queryID + ":" + base
    }

    public func write(_ row: ExportRow) throws {
        encoder.clear()
        encoder.raw("{\"index\":")
        encoder.begin()
        encoder.add("_index", indexName)
        encoder.add("_id", documentID(row))
        encoder.end()
        encoder.raw("}\n")
        encoder.begin()
        ExportRowWriters.addLeadingFields(row, to: &encoder)
        JSONHitWriter.addFields(of: row.hit.hit, to: &encoder)
        encoder.add("article", row.hit.articleHash)
        encoder.end()
        encoder.raw("\n")
        try sink.write(bytes: encoder.bytes)
    }

    private var encoder = JSONBytes()

    public func finish() throws {
        try sink.flush()
    }

    /// An index definition (settings and mappings) for the documents, for `PUT /INDEX`.
    ///
    /// Keywords for ids, paths, copies, sources and topics (exact filters and aggregations); `text` and
    /// `title` analysed as English; dates lenient (`ignore_malformed`), since article dates may be
    /// partial; `snippet` stored but not indexed. `query_ids` is only present in deduplicated exports.
    public static func mapping() -> String {
        let lines = [
            #"{"#,
            #"  "settings": {"number_of_shards": 1},"#,
            #"  "mappings": {"#,
            #"    "dynamic": "strict","#,
            #"    "properties": {"#,
            #"      "query_id": {"type": "keyword"},"#,
            #"      "query": {"type": "keyword"},"#,
            #"      "query_ids": {"type": "keyword"},"#,
            #"      "rank": {"type": "integer"},"#,
            #"      "score": {"type": "float"},"#,
            #"      "path": {"type": "keyword"},"#,
            #"      "paths": {"type": "keyword"},"#,
            #"      "title": {"type": "text", "analyzer": "english", "fields": {"raw": {"type": "keyword", "ignore_above": 1024}}},"#,
            #"      "date": {"type": "date", "format": "strict_date_optional_time||yyyy-MM||yyyy", "ignore_malformed": true},"#,
            #"      "author": {"type": "keyword"},"#,
            #"      "source": {"type": "keyword"},"#,
            #"      "url": {"type": "keyword"},"#,
            #"      "format": {"type": "keyword"},"#,
            #"      "language": {"type": "keyword"},"#,
            #"      "passage": {"type": "integer"},"#,
            #"      "start": {"type": "integer"},"#,
            #"      "end": {"type": "integer"},"#,
            #"      "topics": {"type": "keyword"},"#,
            #"      "snippet": {"type": "text", "index": false},"#,
            #"      "text": {"type": "text", "analyzer": "english"},"#,
            #"      "date_source": {"type": "keyword"},"#,
            #"      "copies": {"type": "keyword"},"#,
            #"      "copy_count": {"type": "integer"},"#,
            #"      "page": {"type": "integer"},"#,
            #"      "article": {"type": "keyword"}"#,
            #"    }"#,
            #"  }"#,
            #"}"#,
        ]
        return lines.joined(separator: "\n") + "\n"
    }
}
