package tongban.insight.history;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tongban.exchange.PrefillOffer;
import tongban.identity.HistoryParties.Applicant;
import tongban.identity.HistoryParties.Staff;
import tongban.identity.IdentityManagement.RegisteredPerson;

/**
 * What the history is generated from: today (the history is the 365 days before it), the seed, the published items, the
 * applicants (citizens and companies, and the demo citizen 王小明), the staff of each department, the night-time reader,
 * the departments' regions, the townships of the district, the counter windows of each department and the population
 * register (whose people the night-time reader looks up) the 12345 categories and, by item code, what
 * the registers offer to prefill its form (免提交). {@code scale} multiplies every volume (1 for the demo).
 */
public record HistoryInput(LocalDate today, long seed, double scale, List<HistoryItem> items, List<Applicant> citizens, List<Applicant> companies,
		Applicant wang, Map<String, List<Staff>> staff, Staff nightReader, Map<String, String> departmentRegions, List<String> townships,
		Map<String, List<UUID>> windows, List<RegisteredPerson> population, List<TicketCategory> categories,
		Map<String, PrefillOffer> prefills) {

	public HistoryInput {
		items = List.copyOf(items);
		citizens = List.copyOf(citizens);
		companies = List.copyOf(companies);
		staff = Map.copyOf(staff);
		departmentRegions = Map.copyOf(departmentRegions);
		townships = List.copyOf(townships);
		windows = Map.copyOf(windows);
		population = List.copyOf(population);
		categories = List.copyOf(categories);
		prefills = Map.copyOf(prefills);
	}
}
