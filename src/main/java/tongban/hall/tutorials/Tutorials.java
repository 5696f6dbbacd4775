package tongban.hall.tutorials;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import tongban.audit.AuditTrail;
import tongban.catalog.CatalogManagement;
import tongban.catalog.PublishedItem;
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.shared.DomainException;
import tongban.shared.FieldProblem;
import tongban.shared.FileStore;
import tongban.shared.FileTypes;
import tongban.shared.Upload;
import tongban.shared.UploadCheck;

/**
 * 图解 picture tutorials: numbered steps per item (title, text, a PNG or JPEG picture with its text alternative),
 * edited by the department admins of the item's department and by platform admins, every change audited. Anyone else,
 * and any item that is not published, gets "not found". Pictures are checked by their bytes ({@link FileTypes}, then
 * decoded) and kept in the {@link FileStore}.
 */
@Service
public class Tutorials {

	/** The audit kind of every change. */
	public static final String AUDIT = "HALL_TUTORIAL";
	public static final int MAX_STEPS = 20;
	public static final int MAX_IMAGE_BYTES = 5 * 1024 * 1024;
	public static final int MAX_TITLE = 40;
	public static final int MAX_TEXT = 500;
	public static final int MAX_ALT = 100;

	/** A stored step. */
	public record Step(UUID id, String itemCode, int position, String title, String text, String imageId, String imageType, String alt) {
	}

	/** What an editor typed for a step. */
	public record StepInput(String title, String text, String alt) {
	}

	/** A step's picture to send. */
	public record Picture(String contentType, InputStream content) {
	}

	private final JdbcClient jdbc;
	private final FileStore files;
	private final CatalogManagement catalog;
	private final AuditTrail audit;
	private final Clock clock;

	Tutorials(JdbcClient jdbc, FileStore files, CatalogManagement catalog, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.files = files;
		this.catalog = catalog;
		this.audit = audit;
		this.clock = clock;
	}

	/** The published item, if {@code staff} may edit its tutorial; "not found" otherwise (do not reveal the item). */
	public PublishedItem editable(StaffMember staff, String itemCode) {
		PublishedItem item = catalog.published(itemCode).orElseThrow(() -> DomainException.notFound("item"));
		boolean platform = staff.has(Role.PLATFORM_ADMIN);
		boolean department = staff.has(Role.DEPT_ADMIN) && item.guide().department().equals(staff.departmentCode());
		if (!platform && !department) {
			throw DomainException.notFound("item");
		}
		return item;
	}

	public List<Step> steps(String itemCode) {
		return jdbc.sql("select id, item_code, position, title, body as text, image_id, image_type, alt from hall_tutorial_step "
				+ "where item_code = ? order by position")
			.param(itemCode)
			.query(Step.class)
			.list();
	}

	public Optional<Step> step(String itemCode, UUID id) {
		return steps(itemCode).stream().filter(s -> s.id().equals(id)).findFirst();
	}

	/** The picture of a step of a published item. */
	public Optional<Picture> picture(String itemCode, UUID id) {
		if (catalog.published(itemCode).isEmpty()) {
			return Optional.empty();
		}
		return step(itemCode, id).flatMap(s -> files.open(s.imageId()).map(in -> new Picture(s.imageType(), in)));
	}

	/** Adds a step at the end; the problems found, each beside its field (nothing stored when there are any). */
	@Transactional
	public List<FieldProblem> add(StaffMember staff, String itemCode, StepInput input, Upload image) {
		editable(staff, itemCode);
		List<FieldProblem> problems = new ArrayList<>(check(input));
		if (steps(itemCode).size() >= MAX_STEPS) {
			problems.add(FieldProblem.of("title", "hall.tutorial.error.tooMany", MAX_STEPS));
		}
		Optional<String> type = image == null || image.bytes().length == 0 ? Optional.empty() : pictureType(image, problems);
		if (image == null || image.bytes().length == 0) {
			problems.add(FieldProblem.of("image", "hall.tutorial.error.imageMissing"));
		}
		if (!problems.isEmpty()) {
			return problems;
		}
		FileStore.Stored stored = files.put(image.bytes(), type.orElseThrow(), image.name());
		UUID id = UUID.randomUUID();
		jdbc.sql("insert into hall_tutorial_step (id, item_code, position, title, body, image_id, image_type, alt, updated_at, updated_by) "
				+ "values (?, ?, (select coalesce(max(position), 0) + 1 from hall_tutorial_step where item_code = ?), ?, ?, ?, ?, ?, ?, ?)")
			.params(id, itemCode, itemCode, input.title().strip(), input.text().strip(), stored.id(), stored.contentType(), alt(input),
					now(), staff.name())
			.update();
		changed(itemCode);
		audit.record(AUDIT, staff.name(), itemCode, "新增图解步骤：" + input.title().strip());
		return List.of();
	}

	/** Changes a step's words, and its picture when a new one is given. */
	@Transactional
	public List<FieldProblem> update(StaffMember staff, String itemCode, UUID id, StepInput input, Upload image) {
		editable(staff, itemCode);
		Step step = step(itemCode, id).orElseThrow(() -> DomainException.notFound("step"));
		List<FieldProblem> problems = new ArrayList<>(check(input));
		boolean newPicture = image != null && image.bytes().length > 0;
		Optional<String> type = newPicture ? pictureType(image, problems) : Optional.empty();
		if (!problems.isEmpty()) {
			return problems;
		}
		String imageId = step.imageId();
		String imageType = step.imageType();
		if (newPicture) {
			FileStore.Stored stored = files.put(image.bytes(), type.orElseThrow(), image.name());
			imageId = stored.id();
			imageType = stored.contentType();
		}
		jdbc.sql("update hall_tutorial_step set title = ?, body = ?, alt = ?, image_id = ?, image_type = ?, updated_at = ?, updated_by = ? where id = ?")
			.params(input.title().strip(), input.text().strip(), alt(input), imageId, imageType, now(), staff.name(), id)
			.update();
		changed(itemCode);
		audit.record(AUDIT, staff.name(), itemCode, "修改图解第 " + step.position() + " 步" + (newPicture ? "（换图）" : "") + "：" + input.title().strip());
		return List.of();
	}

	/** Moves a step one place up ({@code -1}) or down ({@code +1}); nothing at either end. */
	@Transactional
	public void move(StaffMember staff, String itemCode, UUID id, int direction) {
		editable(staff, itemCode);
		List<Step> all = steps(itemCode);
		Step step = all.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow(() -> DomainException.notFound("step"));
		int index = all.indexOf(step);
		int other = index + Integer.signum(direction);
		if (direction == 0 || other < 0 || other >= all.size()) {
			return;
		}
		Step neighbour = all.get(other);
		jdbc.sql("update hall_tutorial_step set position = ? where id = ?").params(neighbour.position(), step.id()).update();
		jdbc.sql("update hall_tutorial_step set position = ? where id = ?").params(step.position(), neighbour.id()).update();
		changed(itemCode);
		audit.record(AUDIT, staff.name(), itemCode, "图解第 " + step.position() + " 步移到第 " + neighbour.position() + " 步：" + step.title());
	}

	/** Deletes a step; the ones after it move up. */
	@Transactional
	public void delete(StaffMember staff, String itemCode, UUID id) {
		editable(staff, itemCode);
		Step step = step(itemCode, id).orElseThrow(() -> DomainException.notFound("step"));
		jdbc.sql("delete from hall_tutorial_step where id = ?").param(id).update();
		jdbc.sql("update hall_tutorial_step set position = position - 1 where item_code = ? and position > ?")
			.params(itemCode, step.position())
			.update();
		changed(itemCode);
		audit.record(AUDIT, staff.name(), itemCode, "删除图解第 " + step.position() + " 步：" + step.title());
	}

	/**
	 * The guide shows the tutorial, and anonymous guide pages are cached until the catalogue's generation changes: it
	 * changes once this change is committed (as a 告知承诺 wording does), so no page caches the old steps.
	 */
	private void changed(String itemCode) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					catalog.evict(itemCode);
				}
			});
		}
		else {
			catalog.evict(itemCode);
		}
	}

	private static List<FieldProblem> check(StepInput input) {
		List<FieldProblem> problems = new ArrayList<>();
		length(problems, "title", input.title(), MAX_TITLE, true);
		length(problems, "text", input.text(), MAX_TEXT, true);
		length(problems, "alt", input.alt(), MAX_ALT, false);
		return problems;
	}

	private static void length(List<FieldProblem> problems, String field, String value, int max, boolean required) {
		String v = value == null ? "" : value.strip();
		if (required && v.isEmpty()) {
			problems.add(FieldProblem.of(field, "hall.tutorial.error." + field + ".missing"));
		}
		else if (v.length() > max) {
			problems.add(FieldProblem.of(field, "hall.tutorial.error.tooLong", max));
		}
	}

	/** The picture's type found in its bytes (PNG or JPEG that decodes), or a problem added. */
	private static Optional<String> pictureType(Upload image, List<FieldProblem> problems) {
		if (image.bytes().length > MAX_IMAGE_BYTES) {
			problems.add(FieldProblem.of("image", "hall.tutorial.error.imageSize", MAX_IMAGE_BYTES / 1024 / 1024));
			return Optional.empty();
		}
		Optional<String> type = FileTypes.detect(image.bytes()).filter(t -> t.equals(FileTypes.PNG) || t.equals(FileTypes.JPEG));
		if (type.isEmpty() || UploadCheck.problem(image.bytes(), type.get()).isPresent() || !decodes(image.bytes())) {
			problems.add(FieldProblem.of("image", "hall.tutorial.error.imageType"));
			return Optional.empty();
		}
		return type;
	}

	private static boolean decodes(byte[] bytes) {
		try {
			return ImageIO.read(new ByteArrayInputStream(bytes)) != null;
		}
		catch (IOException | RuntimeException e) {
			return false;
		}
	}

	private static String alt(StepInput input) {
		return input.alt() == null || input.alt().isBlank() ? input.title().strip() : input.alt().strip();
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock);
	}
}
