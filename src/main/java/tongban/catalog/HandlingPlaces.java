package tongban.catalog;

import java.util.List;

/**
 * Where an item can be handled in person, for its guide page's 办理地点: the module that runs the service network
 * implements this (the catalogue owns the port, as with {@link RelatedPolicies}), so the catalogue does not depend on
 * it. Without an implementation a guide shows only its own 办理地点 text.
 */
public interface HandlingPlaces {

	/** One point: its name, level label (政务服务中心, 便民服务中心, 代办点), address and public page. */
	record HandlingPlace(String name, String level, String address, String path) {
	}

	/** The points serving the item, district first. */
	List<HandlingPlace> serving(String itemCode);

	/** The page listing every point serving the item, with the search for the nearest one. */
	String searchPath(String itemCode);

	/** Changes whenever the answer of {@link #serving} may have changed: cached guide pages older than it are stale. */
	long version();
}
