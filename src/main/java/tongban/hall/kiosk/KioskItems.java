package tongban.hall.kiosk;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;

import tongban.catalog.CatalogManagement;
import tongban.catalog.FormDefinition;
import tongban.catalog.GuideChecks;
import tongban.catalog.PublishedItem;
import tongban.catalog.ServiceGuide;
import tongban.directory.ServicePoints;

/**
 * 可自助办理: the items a kiosk can really do, not just those whose department ticked the box. A kiosk has a card
 * reader, a touch screen and a printer but no scanner: it can file an application for a citizen whose form asks only
 * for what can be typed on the screen and whose required materials are all ones the platform fetches from the issuing
 * government body (the ID card itself among them), never a paper the person would have to upload.
 */
@Service
public class KioskItems {

	/** The fields a kiosk's screen keyboard can fill in (no files, no lists of rows, no address or region pickers). */
	static final Set<FormDefinition.FieldType> TYPED = EnumSet.of(FormDefinition.FieldType.TEXT, FormDefinition.FieldType.TEXTAREA,
			FormDefinition.FieldType.NUMBER, FormDefinition.FieldType.DATE, FormDefinition.FieldType.SELECT, FormDefinition.FieldType.PHONE,
			FormDefinition.FieldType.ID_NUMBER);

	private final CatalogManagement catalog;
	private final GuideChecks guides;
	private final ServicePoints points;
	private final Kiosks kiosks;

	KioskItems(CatalogManagement catalog, GuideChecks guides, ServicePoints points, Kiosks kiosks) {
		this.catalog = catalog;
		this.guides = guides;
		this.points = points;
		this.kiosks = kiosks;
	}

	/**
	 * Whether the kiosk flow can file this item: a citizen's item applied for online, no required material the person
	 * would upload, and a form whose required fields can all be typed, except those shown only for a choice the kiosk
	 * does not offer (a damaged card's photo, a mailing address: the kiosk offers the other choices).
	 */
	public static boolean doable(ServiceGuide guide) {
		FormDefinition form = guide.applicationForm();
		return guide.appliesOnline() && guide.serves(false)
				&& guide.materials().stream().noneMatch(m -> "REQUIRED".equals(m.necessity()) && !"GOVERNMENT".equals(m.source()))
				&& form.fields().stream().filter(f -> f.parent() == null).allMatch(f -> fillable(f) || !f.required() || avoidable(form, f));
	}

	/** Whether the kiosk's screen can fill in the field. */
	public static boolean fillable(FormDefinition.Field field) {
		return field.parent() == null && TYPED.contains(field.type());
	}

	/** The choices of a select that the kiosk offers: those that reveal no required field it cannot fill. */
	public static List<String> options(FormDefinition form, FormDefinition.Field select) {
		return select.options() == null ? List.of() : select.options().stream()
			.filter(option -> form.fields().stream().noneMatch(f -> f.parent() == null && f.required() && !fillable(f) && f.showIf() != null
					&& select.key().equals(f.showIf().field()) && f.showIf().values().contains(option)))
			.toList();
	}

	private static boolean avoidable(FormDefinition form, FormDefinition.Field field) {
		return field.showIf() != null && form.fields().stream()
			.filter(f -> f.key().equals(field.showIf().field()) && f.type() == FormDefinition.FieldType.SELECT && f.parent() == null)
			.anyMatch(select -> !options(form, select).isEmpty() && !select.options().equals(options(form, select)));
	}

	/** The item's department claims self-service and the kiosk flow can do it. */
	public static boolean selfService(ServiceGuide guide) {
		return guide.selfService() && doable(guide);
	}

	/** The points where a kiosk in service stands and a window serves the item. */
	public List<ServicePoints.ServicePoint> pointsFor(String itemCode) {
		List<UUID> withKiosks = kiosks.pointsWithKiosks();
		return points.pointsServing(itemCode).stream().filter(p -> withKiosks.contains(p.id())).toList();
	}

	/** The self-service items a kiosk at this point can file. */
	public List<ServiceGuide> atPoint(UUID pointId) {
		return guides.published().stream()
			.map(g -> catalog.published(g.code()))
			.flatMap(Optional::stream)
			.map(PublishedItem::guide)
			.filter(KioskItems::selfService)
			.filter(g -> !points.windowsServing(pointId, g.code()).isEmpty())
			.toList();
	}
}
