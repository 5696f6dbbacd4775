package tongban.hotline;

import java.time.OffsetDateTime;
import java.util.List;

/** Filters of Open311's GET requests: ids, service codes, period, statuses ("open", "closed"). */
public record TicketQuery(List<String> numbers, List<String> categories, OffsetDateTime start, OffsetDateTime end,
		List<String> statuses, int limit) {
}
