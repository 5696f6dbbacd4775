package tongban.hall.points.internal;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import tongban.catalog.HandlingPlaces;
import tongban.directory.ServicePointEditing;
import tongban.directory.ServicePoints;

/** 办理地点 on guide pages: the service points with a window serving the item, each linking to its page. */
@Component
class HandlingPlacesForGuides implements HandlingPlaces {

	private final ServicePoints points;
	private final ServicePointEditing editing;

	HandlingPlacesForGuides(ServicePoints points, ServicePointEditing editing) {
		this.points = points;
		this.editing = editing;
	}

	@Override
	public List<HandlingPlace> serving(String itemCode) {
		return points.pointsServing(itemCode).stream()
			.map(p -> new HandlingPlace(p.name(), p.level().label(), p.address(), "/service-points/" + p.code()))
			.toList();
	}

	@Override
	public String searchPath(String itemCode) {
		return UriComponentsBuilder.fromPath("/service-points").queryParam("item", itemCode).build().encode().toUriString();
	}

	@Override
	public long version() {
		return editing.generation();
	}
}
