package tongban.directory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
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
import org.springframework.transaction.annotation.Transactional;

import tongban.directory.domain.Department;
import tongban.directory.domain.DepartmentRepository;

/** The directory module's API: regions and departments. */
@Service
@Transactional(readOnly = true)
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

	private volatile Map<String, String> names = Map.of();
	private volatile long namesAt;

	/**
	 * Department names by code, read at most once a minute: lists, statistics and the Open311 answers name many
	 * departments per request, and departments change only with the directory's data.
	 */
	public Map<String, String> departmentNames() {
		long now = System.nanoTime();
		if (names.isEmpty() || now - namesAt > 60_000_000_000L) {
			Map<String, String> m = new LinkedHashMap<>();
			for (DepartmentView v : departments()) {
				m.put(v.code(), v.name());
			}
			names = Collections.unmodifiableMap(m);
			namesAt = now;
		}
		return names;
	}

	public List<DepartmentView> departments() {
		return departments.findAllByOrderByCode().stream().map(Department::view).toList();
	}

	public Optional<DepartmentView> department(UUID id) {
		return departments.findById(id).map(Department::view);
	}

	public Optional<DepartmentView> departmentByCode(String code) {
		return departments.findByCode(code).map(Department::view);
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
