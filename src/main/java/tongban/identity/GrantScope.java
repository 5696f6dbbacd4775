package tongban.identity;

import java.util.stream.Stream;
import tongban.identity.domain.Grant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the person acting may see and do for the party: everything ({@link #FULL}: the person themself, a company's legal
 * representative, a grant of 全部事项), or only the cases of the items a proxy's or agent's grant names. Outside it, a
 * case, a licence or a record of reads is "not found", as another party's would be.
 */
public record GrantScope(boolean full, Set<String> itemNames) {

	public static final GrantScope FULL = new GrantScope(true, Set.of());

	/** No grant at all: nothing is covered. */
	public static final GrantScope NONE = new GrantScope(false, Set.of());

	public GrantScope {
		itemNames = itemNames == null ? Set.of() : Set.copyOf(itemNames);
	}

	/**
	 * The scope a grant was given with: {@code ALL} (or blank) for everything, else item names separated by commas,
	 * 顿号, semicolons or new lines, as the grant form's hint says.
	 */
	public static GrantScope parse(String granted) {
		if (granted == null || granted.isBlank() || Grant.ALL.equals(granted.strip())) {
			return FULL;
		}
		return new GrantScope(false, Arrays.stream(granted.split("[,，、;；\\n]+")).map(String::strip).filter(s -> !s.isEmpty())
			.collect(Collectors.toUnmodifiableSet()));
	}

	/** What two grants for the same party allow together. */
	public GrantScope and(GrantScope other) {
		if (full || other.full) {
			return FULL;
		}
		return new GrantScope(false, Stream.concat(itemNames.stream(), other.itemNames.stream()).collect(Collectors.toSet()));
	}

	/** Whether the cases (and applying) of this item are covered. */
	public boolean covers(String itemName) {
		return full || itemNames.contains(itemName);
	}

	/** The item names as an SQL array parameter (empty when full, where no item filter applies). */
	public String[] itemNameArray() {
		return itemNames.toArray(String[]::new);
	}
}
