package tongban.casework.web;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tongban.catalog.ItemSummary;

/**
 * The items a counter clerk can start for a visitor, grouped by department: departments, and the items within each, in
 * the order a reader of Chinese looks them up (by pinyin), so the clerk finds 68 items by their department rather than
 * in one unsorted list. {@code query} is what the list was narrowed to (empty: every item).
 */
public record ItemChoices(String query, List<Group> groups) {

	/** One department's items (its name as the group's label). */
	public record Group(String department, List<ItemSummary> items) {
	}

	private static final Comparator<String> BY_PINYIN = Collator.getInstance(Locale.CHINA)::compare;

	/** Groups the items by their department's name ({@code departmentNames}: code → name; an unknown code is its own label). */
	static ItemChoices of(String query, List<ItemSummary> items, Map<String, String> departmentNames) {
		Map<String, List<ItemSummary>> byDepartment = new LinkedHashMap<>();
		items.stream()
			.sorted(Comparator.comparing(ItemSummary::name, BY_PINYIN))
			.forEach(item -> byDepartment
				.computeIfAbsent(departmentNames.getOrDefault(item.departmentCode(), item.departmentCode()), name -> new ArrayList<>())
				.add(item));
		List<Group> groups = byDepartment.entrySet().stream()
			.map(entry -> new Group(entry.getKey(), List.copyOf(entry.getValue())))
			.sorted(Comparator.comparing(Group::department, BY_PINYIN))
			.toList();
		return new ItemChoices(query, groups);
	}

	/** How many items the groups hold. */
	public int count() {
		return groups.stream().mapToInt(group -> group.items().size()).sum();
	}
}
