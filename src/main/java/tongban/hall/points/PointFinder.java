package tongban.hall.points;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import org.springframework.stereotype.Service;

import tongban.catalog.CatalogManagement;
import tongban.catalog.PublishedItem;
import tongban.directory.DirectoryManagement;
import tongban.directory.Region;
import tongban.directory.ServicePoints;
import tongban.directory.ServicePoints.ServicePoint;

/**
 * Finding a point: every point (or those serving an item) grouped by level and township, the points of a township, and
 * the nearest to a position. A township without a point serving the item is answered with the nearest points that do,
 * measured from the township's own points, so a person is never told "nowhere" while the district hall serves it.
 */
@Service
public class PointFinder {

	/** A point found, with its distance in metres from where the person is (null when not searched by position). */
	public record Found(ServicePoint point, Double metres) {
	}

	/** Points of one township (or the district level) for the grouped list. */
	public record Group(ServicePoints.Level level, Region township, List<ServicePoint> points) {
	}

	public static final int NEAREST = 3;

	private final ServicePoints points;
	private final DirectoryManagement directory;
	private final CatalogManagement catalog;

	PointFinder(ServicePoints points, DirectoryManagement directory, CatalogManagement catalog) {
		this.points = points;
		this.directory = directory;
		this.catalog = catalog;
	}

	/** The townships of the home region, the choices of "my township". */
	public List<Region> townships() {
		return directory.children(directory.homeRegion());
	}

	public Optional<Region> township(String code) {
		return code == null ? Optional.empty() : townships().stream().filter(t -> t.code().equals(code)).findFirst();
	}

	/** The published item of a code, if there is one. */
	public Optional<PublishedItem> item(String code) {
		return code == null || code.isBlank() ? Optional.empty() : catalog.published(code);
	}

	/** Every point, or every point serving the item when one is given. */
	public List<ServicePoint> all(String itemCode) {
		return itemCode == null ? points.points() : points.pointsServing(itemCode);
	}

	/** The points grouped: the district level first, then each township's points (its 便民服务中心 before its 代办点). */
	public List<Group> grouped(List<ServicePoint> found) {
		Map<String, Group> groups = new LinkedHashMap<>();
		Map<String, Region> townships = new LinkedHashMap<>();
		townships().forEach(t -> townships.put(t.code(), t));
		found.stream().filter(p -> p.level() == ServicePoints.Level.DISTRICT)
			.forEach(p -> groups.computeIfAbsent("", k -> new Group(ServicePoints.Level.DISTRICT, null, new ArrayList<>())).points().add(p));
		found.stream()
			.filter(p -> p.level() != ServicePoints.Level.DISTRICT)
			.sorted(Comparator.comparing((ServicePoint p) -> p.townshipCode() == null ? "" : p.townshipCode())
				.thenComparing(p -> p.level().ordinal()).thenComparing(ServicePoint::code))
			.forEach(p -> groups.computeIfAbsent(p.townshipCode() == null ? "?" : p.townshipCode(),
					k -> new Group(ServicePoints.Level.TOWNSHIP, townships.get(k), new ArrayList<>())).points().add(p));
		return List.copyOf(groups.values());
	}

	/**
	 * The points of a township serving the item (all of them when no item); when it has none, the nearest points that do,
	 * from the middle of the township's points.
	 */
	public List<Found> inTownship(String townshipCode, String itemCode) {
		List<ServicePoint> own = points.inTownship(townshipCode);
		List<ServicePoint> serving = all(itemCode).stream().filter(p -> townshipCode.equals(p.townshipCode())).toList();
		if (!serving.isEmpty()) {
			return serving.stream().map(p -> new Found(p, null)).toList();
		}
		OptionalDouble lat = own.stream().filter(p -> p.latitude() != null).mapToDouble(p -> p.latitude().doubleValue()).average();
		OptionalDouble lon = own.stream().filter(p -> p.longitude() != null).mapToDouble(p -> p.longitude().doubleValue()).average();
		if (lat.isEmpty() || lon.isEmpty()) {
			return all(itemCode).stream().filter(p -> p.level() == ServicePoints.Level.DISTRICT).map(p -> new Found(p, null)).toList();
		}
		return near(lat.getAsDouble(), lon.getAsDouble(), itemCode, NEAREST);
	}

	/** The points serving the item (every point when none) nearest to a position, with their distance. */
	public List<Found> near(double latitude, double longitude, String itemCode, int limit) {
		return all(itemCode).stream()
			.filter(p -> p.metresFrom(latitude, longitude).isPresent())
			.map(p -> new Found(p, p.metresFrom(latitude, longitude).orElseThrow()))
			.sorted(Comparator.comparingDouble(Found::metres))
			.limit(limit)
			.toList();
	}
}
