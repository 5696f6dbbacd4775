package tongban.hall.points;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import tongban.catalog.CatalogManagement;
import tongban.directory.ServicePoints;
import tongban.directory.ServicePoints.PointWindow;
import tongban.directory.ServicePoints.ServicePoint;

/** A point's windows as people read them: number, kind, the queue series and the items served, by catalogue name. */
@Service
public class PointWindows {

	/** An item a window serves: its code and its name in the catalogue (the code when it is not published). */
	public record ItemName(String code, String name, boolean published) {
	}

	/** A window with the items it serves (none listed when it serves every item). */
	public record WindowView(PointWindow window, List<ItemName> items) {

		public boolean servesAll() {
			return window.servesAllItems();
		}
	}

	private final ServicePoints points;
	private final CatalogManagement catalog;

	PointWindows(ServicePoints points, CatalogManagement catalog) {
		this.points = points;
		this.catalog = catalog;
	}

	/** The point of a code; codes are short, anything longer is no point. */
	public Optional<ServicePoint> point(String code) {
		return code == null || code.length() > 40 ? Optional.empty() : points.pointByCode(code);
	}

	public List<WindowView> of(ServicePoint point) {
		return points.windows(point.id()).stream()
			.map(w -> new WindowView(w, w.servesAllItems() ? List.of() : points.itemsOf(w.id()).stream().map(this::name).toList()))
			.toList();
	}

	public ItemName name(String code) {
		return catalog.published(code)
			.map(p -> new ItemName(code, p.guide().name(), true))
			.orElseGet(() -> new ItemName(code, code, false));
	}
}
