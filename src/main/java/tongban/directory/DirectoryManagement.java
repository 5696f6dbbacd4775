package tongban.directory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import tongban.directory.domain.Department;
import tongban.directory.domain.DepartmentRepository;

/** The directory module's API: regions and departments. */
@Service
public class DirectoryManagement {

	private final JdbcClient jdbc;
	private final DepartmentRepository departments;
	private final String homeRegion;
	/** The code of the home region's city, once looked up ({@link #homeCityDistricts()}). */
	private volatile String homeCity;

	DirectoryManagement(JdbcClient jdbc, DepartmentRepository departments, @Value("${tongban.home-region}") String homeRegion) {
		this.jdbc = jdbc;
		this.departments = departments;
		this.homeRegion = homeRegion;
	}

	public Optional<Region> region(String code) {
		return jdbc.sql("select code, name, parent_code, level from directory_region where code = ?")
			.param(code)
			.query(Region.class)
			.optional();
	}

	/**
	 * The county this installation serves ({@code tongban.home-region}, a GB/T 2260 code; the demo serves 西湖区): region
	 * fields of application forms offer it with its townships, and 12345 offers the districts of its city.
	 */
	public String homeRegion() {
		return homeRegion;
	}

	/** The districts of the home region's city (the region one level up), for 12345's region choices. */
	public List<Region> homeCityDistricts() {
		String city = homeCity;
		if (city == null) {
			// regions are reference data, loaded once by migration: the city of the home region never changes while running
			city = region(homeRegion).map(Region::parentCode).orElse("");
			homeCity = city;
		}
		return city.isEmpty() ? List.of() : children(city);
	}

	/** The choices of a region field in an application form: {@link #homeRegion()} and the regions directly in it. */
	public List<Region> formRegions() {
		List<Region> out = new ArrayList<>();
		region(homeRegion).ifPresent(home -> {
			out.add(home);
			out.addAll(children(homeRegion));
		});
		return out;
	}

	public List<Region> children(String code) {
		return jdbc.sql("select code, name, parent_code, level from directory_region where parent_code = ? order by code")
			.param(code)
			.query(Region.class)
			.list();
	}

	/**
	 * The regions of these departments (a township's department counts for its county) with every enclosing province
	 * and city, by code: the regions worth choosing from when filtering what those departments do.
	 */
	public List<Region> regionsOf(Collection<String> departmentCodes) {
		TreeMap<String, Region> out = new TreeMap<>();
		for (DepartmentView d : departments()) {
			if (departmentCodes.contains(d.code()) && d.regionCode() != null && d.regionCode().length() >= 6) {
				String code = d.regionCode().substring(0, 6);
				for (String c : List.of(code.substring(0, 2) + "0000", code.substring(0, 4) + "00", code)) {
					if (!out.containsKey(c)) {
						region(c).ifPresent(r -> out.put(c, r));
					}
				}
			}
		}
		return List.copyOf(out.values());
	}

	public long countByLevel(Region.Level level) {
		return jdbc.sql("select count(*) from directory_region where level = ?").param(level.name()).query(Long.class).single();
	}

	/** Divisions are reference data (GB/T 2260, loaded by migration): codes found are remembered, others asked again. */
	private final Set<String> known = ConcurrentHashMap.newKeySet();
	private final Map<String, String> fullNames = new ConcurrentHashMap<>();

	/** Whether the first six digits of an ID number name a county-level (or higher) region we know. */
	public boolean isKnownDivision(String sixDigits) {
		if (known.contains(sixDigits)) {
			return true;
		}
		boolean found = jdbc.sql("select count(*) from directory_region where code = ?").param(sixDigits).query(Long.class).single() > 0;
		if (found) {
			known.add(sixDigits);
		}
		return found;
	}

	/** Full name from province down, e.g. 浙江省 杭州市 西湖区. */
	public String fullName(String code) {
		String cached = fullNames.get(code);
		if (cached != null) {
			return cached;
		}
		StringBuilder sb = new StringBuilder();
		Optional<Region> r = region(code);
		while (r.isPresent()) {
			sb.insert(0, r.get().name() + (sb.isEmpty() ? "" : " "));
			r = r.get().parentCode() == null ? Optional.empty() : region(r.get().parentCode());
		}
		if (!sb.isEmpty()) {
			fullNames.put(code, sb.toString());
		}
		return sb.toString();
	}

	/** Every department, by id and by code, as read at {@code at} (System.nanoTime). */
	private record Snapshot(List<DepartmentView> all, Map<UUID, DepartmentView> byId, Map<String, DepartmentView> byCode,
			Map<String, String> names, long at, long changes) {

		static Snapshot of(List<DepartmentView> all) {
			Map<UUID, DepartmentView> byId = new HashMap<>();
			Map<String, DepartmentView> byCode = new HashMap<>();
			Map<String, String> names = new LinkedHashMap<>();
			for (DepartmentView view : all) {
				byId.put(view.id(), view);
				byCode.put(view.code(), view);
				names.put(view.code(), view.name());
			}
			return new Snapshot(List.copyOf(all), Map.copyOf(byId), Map.copyOf(byCode), Collections.unmodifiableMap(names), System.nanoTime(),
					Department.changes());
		}

		boolean fresh() {
			return System.nanoTime() - at < FRESH_FOR_NANOS && changes == Department.changes();
		}
	}

	/** How long the departments read are used before they are read again (departments change only with directory data). */
	private static final long FRESH_FOR_NANOS = 60_000_000_000L;

	private volatile Snapshot snapshot;

	/**
	 * The departments as read at most a minute ago and since this node last wrote one, else read again: every staff
	 * request, dispatch and list names or looks up departments, and departments change only with the directory's data
	 * (loaded at start, on whichever node loads it: a department another node added is found by a miss).
	 */
	private Snapshot snapshot() {
		Snapshot current = snapshot;
		if (current == null || !current.fresh()) {
			current = reread();
		}
		return current;
	}

	private Snapshot reread() {
		Snapshot read = Snapshot.of(departments.findAllByOrderByCode().stream().map(Department::view).toList());
		snapshot = read;
		return read;
	}

	/** The departments read again for one not found, at most once a second (unknown codes sent by clients cost no more). */
	private Snapshot rereadForMiss() {
		Snapshot current = snapshot();
		return System.nanoTime() - current.at() < 1_000_000_000L ? current : reread();
	}

	/** Department names by code, from the departments read at most a minute ago. */
	public Map<String, String> departmentNames() {
		return snapshot().names();
	}

	public List<DepartmentView> departments() {
		return snapshot().all();
	}

	/** A department by id; one not among those read (added since, e.g. on another node) is looked for again. */
	public Optional<DepartmentView> department(UUID id) {
		DepartmentView known = snapshot().byId().get(id);
		return known != null ? Optional.of(known) : Optional.ofNullable(rereadForMiss().byId().get(id));
	}

	public Optional<DepartmentView> departmentByCode(String code) {
		DepartmentView known = snapshot().byCode().get(code);
		return known != null ? Optional.of(known) : Optional.ofNullable(rereadForMiss().byCode().get(code));
	}

	/** 窗口: a counter of a service hall, as other modules see it (the hall's region, the window's department if any). */
	public record Window(UUID id, String hallName, String regionCode, String number, String name, UUID departmentId) {

		public String label() {
			return hallName + " " + number + " · " + name;
		}
	}

	/** Every window of every service hall, by hall and number. */
	public List<Window> windows() {
		return jdbc.sql("""
				select w.id, h.name as hall_name, h.region_code, w.number, w.name, w.department_id
				from directory_window w join directory_service_hall h on h.id = w.hall_id order by h.name, w.number""")
			.query(Window.class)
			.list();
	}
}
