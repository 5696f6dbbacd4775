package tongban.exchange;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What a lookup served: the resource, the fields, the subject's record (none or one) and when. */
public record Served(Resource resource, List<String> fields, List<Map<String, String>> records, Instant at) {
}
