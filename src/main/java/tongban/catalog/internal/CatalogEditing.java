package tongban.catalog.internal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.audit.AuditTrail;
import tongban.catalog.CatalogManagement;
import tongban.catalog.FormDefinition;
import tongban.catalog.PublishingGate;
import tongban.catalog.ServiceGuide;
import tongban.catalog.domain.CatalogItem;
import tongban.catalog.domain.CatalogItemRepository;
import tongban.catalog.domain.ItemStatus;
import tongban.catalog.domain.ItemVersion;
import tongban.catalog.domain.ItemVersionRepository;
import tongban.catalog.web.ItemForm;
import tongban.shared.DomainException;

/**
 * Editing the catalogue: department admins keep their own department's items (drafts, submission), platform admins
 * review and publish. Every change is audited with a field-by-field diff; the gate runs at submission and again at
 * publication; a stale form (someone saved in between) is refused.
 */
@Service
@Transactional
public class CatalogEditing {

	public static final Duration STALE_AFTER = Duration.ofDays(180);

	/** Who edits: a department admin (their department's code) or a platform admin (null department). */
	public record Editor(UUID accountId, String name, String departmentCode, boolean platformAdmin) {

		/** A member of staff as an editor: a department admin edits their department's items, a platform admin all. */
		public static Editor of(StaffMember staff) {
			String department = staff.has(Role.DEPT_ADMIN) ? staff.departmentCode() : null;
			return new Editor(staff.id(), staff.name(), department, staff.has(Role.PLATFORM_ADMIN));
		}
	}

	public record Overview(String code, String name, String departmentCode, Integer publishedVersion, String openStatus,
			OffsetDateTime reviewedAt, boolean stale) {
	}

	public record AuditEntry(OffsetDateTime at, String actorName, String action, int versionNo, String diff) {
	}

	public record Detail(String code, String departmentCode, ItemVersion published, ItemVersion open, ServiceGuide openGuide,
			List<ItemVersion> versions, List<AuditEntry> audit) {
	}

	private final CatalogItemRepository items;
	private final ItemVersionRepository versions;
	private final CatalogManagement catalog;
	private final SearchIndexing search;
	private final JsonMapper json;
	private final JdbcClient jdbc;

	private final AuditTrail trail;

	CatalogEditing(CatalogItemRepository items, ItemVersionRepository versions, CatalogManagement catalog,
			SearchIndexing search, JsonMapper json, JdbcClient jdbc, AuditTrail trail) {
		this.trail = trail;
		this.items = items;
		this.versions = versions;
		this.catalog = catalog;
		this.search = search;
		this.json = json;
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public List<Overview> list(Editor e) {
		return jdbc.sql("""
				select i.code, coalesce(o.name, p.name) as name, i.department_code, p.version_no as published_version,
				       o.status as open_status, i.reviewed_at, i.reviewed_at < ? as stale
				from catalog_item i
				left join catalog_item_version p on p.item_id = i.id and p.status = 'PUBLISHED'
				left join catalog_item_version o on o.item_id = i.id and o.status in ('DRAFT', 'SUBMITTED')
				where (? or i.department_code = ?)
				order by (o.status = 'SUBMITTED') desc nulls last, i.reviewed_at, i.code""")
			.params(OffsetDateTime.now().minus(STALE_AFTER), e.platformAdmin(), e.departmentCode())
			.query(Overview.class)
			.list();
	}

	@Transactional(readOnly = true)
	public Detail detail(Editor e, String code) {
		CatalogItem item = visible(e, code);
		ItemVersion published = versions.findByItemIdAndStatus(item.id(), ItemStatus.PUBLISHED).orElse(null);
		ItemVersion open = open(item).orElse(null);
		List<AuditEntry> audit = jdbc.sql("select at, actor_name, action, version_no, diff::text as diff from catalog_audit "
				+ "where item_id = ? order by id desc limit 50").param(item.id()).query(AuditEntry.class).list();
		return new Detail(item.code(), item.departmentCode(), published, open, open == null ? null : catalog.guide(open),
				versions.findByItemIdOrderByVersionNoDesc(item.id()), audit);
	}

	/** A new item as a draft of the editor's department; empty with errors when the form does not parse or the code is taken. */
	public Optional<String> create(Editor e, ItemForm form, Errors errors) {
		if (e.departmentCode() == null) {
			throw new DomainException(DomainException.Kind.FORBIDDEN, "forbidden", "only department admins create items");
		}
		Optional<ServiceGuide> guide = ItemForms.guide(form, e.departmentCode(), errors);
		if (guide.isPresent() && items.findByCode(guide.get().code()).isPresent()) {
			errors.rejectValue("code", "item.error.code.taken");
		}
		if (errors.hasErrors()) {
			return Optional.empty();
		}
		CatalogItem item = items.saveAndFlush(new CatalogItem(guide.get().code(), e.departmentCode()));
		ItemVersion v = versions.saveAndFlush(new ItemVersion(item.id(), 1, guide.get(), json.writeValueAsString(guide.get()), e.accountId()));
		audit(item, v.versionNo(), e, "CREATED", null, guide.get());
		return Optional.of(item.code());
	}

	/** Saves the open draft; refused (-1) when someone saved it since the form was loaded; else the new lock version. */
	public long save(Editor e, String code, ItemForm form, Errors errors) {
		CatalogItem item = visible(e, code);
		ItemVersion draft = open(item).filter(v -> v.status() == ItemStatus.DRAFT)
			.orElseThrow(() -> new DomainException(DomainException.Kind.CONFLICT, "not-a-draft", "no draft to save"));
		if (form.lockVersion() == null || draft.lockVersion() != form.lockVersion()) {
			errors.reject("item.error.concurrent");
			return -1;
		}
		Optional<ServiceGuide> guide = ItemForms.guide(new ItemForm(code, form.baseCode(), form.mainItem(), form.subItem(),
				form.name(), form.aliases(), form.keywords(), form.type(), form.servedParty(), form.themes(), form.exerciseLevel(),
				form.legalBasis(), form.conditions(), form.steps(), form.specialProcedures(), form.statutoryLimit(),
				form.promisedLimit(), form.limitUnit(), form.immediate(), form.handlingForms(), form.requiredVisits(), form.visitReason(),
				form.onlineDepth(), form.inHall(), form.appointment(), form.delivery(), form.onlinePayment(), form.selfService(),
				form.scope(), form.address(), form.hours(), form.consultPhone(), form.complaintPhone(), form.resultType(),
				form.resultName(), form.fees(), form.faq(), form.materials(), form.process(), form.reviewDepartments(),
				form.lockVersion()), item.departmentCode(), errors);
		if (guide.isEmpty()) {
			return -1;
		}
		ServiceGuide before = catalog.guide(draft);
		guide = guide.map(g -> g.withForm(before.form()));
		draft.replace(guide.get(), json.writeValueAsString(guide.get()), e.accountId());
		ItemVersion saved = versions.saveAndFlush(draft);
		audit(item, draft.versionNo(), e, "SAVED", before, guide.get());
		return saved.lockVersion();
	}

	/** Saves the draft's application form; refused (-1) when someone saved the draft since the editor was loaded. */
	public long saveForm(Editor e, String code, FormDefinition form, Long lockVersion, Errors errors) {
		CatalogItem item = visible(e, code);
		ItemVersion draft = open(item).filter(v -> v.status() == ItemStatus.DRAFT)
			.orElseThrow(() -> new DomainException(DomainException.Kind.CONFLICT, "not-a-draft", "no draft to save"));
		if (lockVersion == null || draft.lockVersion() != lockVersion) {
			errors.reject("item.error.concurrent");
			return -1;
		}
		ServiceGuide before = catalog.guide(draft);
		ServiceGuide after = before.withForm(form);
		draft.replace(after, json.writeValueAsString(after), e.accountId());
		ItemVersion saved = versions.saveAndFlush(draft);
		audit(item, draft.versionNo(), e, "FORM_SAVED", before, after);
		return saved.lockVersion();
	}

	/** Points the open draft at an uploaded process (deployed by the approval module); audited like any change. */
	public void useProcess(Editor e, String code, String processKey) {
		CatalogItem item = visible(e, code);
		ItemVersion draft = open(item).filter(v -> v.status() == ItemStatus.DRAFT)
			.orElseThrow(() -> new DomainException(DomainException.Kind.CONFLICT, "not-a-draft", "no draft to change"));
		ServiceGuide before = catalog.guide(draft);
		ServiceGuide after = before.withProcess(processKey, before.reviewDepartments());
		draft.replace(after, json.writeValueAsString(after), e.accountId());
		versions.saveAndFlush(draft);
		audit(item, draft.versionNo(), e, "PROCESS_UPLOADED", before, after);
	}

	/** Whether the editor may change this item now (it has a draft they can edit). */
	@Transactional(readOnly = true)
	public boolean editable(Editor e, String code) {
		CatalogItem item = visible(e, code);
		return open(item).filter(v -> v.status() == ItemStatus.DRAFT).isPresent();
	}

	/** Submits the draft for review if it passes the gate; otherwise each failure becomes a field error. */
	public boolean submit(Editor e, String code, Errors errors) {
		CatalogItem item = visible(e, code);
		ItemVersion draft = open(item).filter(v -> v.status() == ItemStatus.DRAFT)
			.orElseThrow(() -> new DomainException(DomainException.Kind.CONFLICT, "not-a-draft", "nothing to submit"));
		if (!gate(catalog.guide(draft), errors)) {
			return false;
		}
		draft.submit();
		audit(item, draft.versionNo(), e, "SUBMITTED", null, null);
		return true;
	}

	/** Starts a new draft from the published version (a published version never changes). */
	public void edit(Editor e, String code) {
		CatalogItem item = visible(e, code);
		if (open(item).isPresent()) {
			return;
		}
		ItemVersion published = versions.findByItemIdAndStatus(item.id(), ItemStatus.PUBLISHED)
			.orElseThrow(() -> DomainException.notFound("published version"));
		int next = versions.findByItemIdOrderByVersionNoDesc(item.id()).getFirst().versionNo() + 1;
		ServiceGuide g = catalog.guide(published);
		versions.saveAndFlush(new ItemVersion(item.id(), next, g, json.writeValueAsString(g), e.accountId()));
		audit(item, next, e, "NEW_DRAFT", null, null);
	}

	/** Platform admins publish a submitted version after checking the gate again. */
	public boolean publish(Editor admin, String code, Errors errors) {
		requirePlatformAdmin(admin);
		CatalogItem item = visible(admin, code);
		ItemVersion submitted = open(item).filter(v -> v.status() == ItemStatus.SUBMITTED)
			.orElseThrow(() -> new DomainException(DomainException.Kind.CONFLICT, "not-submitted", "nothing to publish"));
		ServiceGuide g = catalog.guide(submitted);
		if (!gate(g, errors)) {
			return false;
		}
		versions.findByItemIdAndStatus(item.id(), ItemStatus.PUBLISHED).ifPresent(p -> {
			p.supersede();
			versions.saveAndFlush(p);
		});
		submitted.publish();
		versions.saveAndFlush(submitted);
		item.reviewed();
		search.index(g);
		catalog.evict(code);
		audit(item, submitted.versionNo(), admin, "PUBLISHED", null, null);
		return true;
	}

	/**
	 * Platform admins withdraw a published item (停止办理) with a reason: it leaves the portal, the API and search at
	 * once; its versions and audit stay. Returns false (with a field error) when no reason is given.
	 */
	public boolean withdraw(Editor admin, String code, String reason, Errors errors) {
		requirePlatformAdmin(admin);
		CatalogItem item = visible(admin, code);
		ItemVersion published = versions.findByItemIdAndStatus(item.id(), ItemStatus.PUBLISHED)
			.orElseThrow(() -> new DomainException(DomainException.Kind.CONFLICT, "not-published", "nothing to withdraw"));
		if (reason == null || reason.isBlank() || reason.length() > 500) {
			errors.rejectValue("reason", "item.error.withdrawReason");
			return false;
		}
		published.withdraw();
		versions.saveAndFlush(published);
		search.remove(code);
		catalog.evict(code);
		Map<String, List<String>> diff = new LinkedHashMap<>();
		diff.put("reason", Arrays.asList(null, reason.strip()));
		jdbc.sql("insert into catalog_audit (item_id, version_no, actor_id, actor_name, action, diff) values (?, ?, ?, ?, ?, ?::jsonb)")
			.params(item.id(), published.versionNo(), admin.accountId(), admin.name(), "WITHDRAWN", json.writeValueAsString(diff))
			.update();
		trail.record(AuditTrail.PUBLISH, admin.name(), "item:" + item.code(), "WITHDRAWN version " + published.versionNo() + ": " + reason.strip());
		return true;
	}

	public void returnToDepartment(Editor admin, String code) {
		requirePlatformAdmin(admin);
		CatalogItem item = visible(admin, code);
		ItemVersion submitted = open(item).filter(v -> v.status() == ItemStatus.SUBMITTED)
			.orElseThrow(() -> new DomainException(DomainException.Kind.CONFLICT, "not-submitted", "nothing to return"));
		submitted.returnToDraft();
		audit(item, submitted.versionNo(), admin, "RETURNED", null, null);
	}

	/** Field errors for every gate failure; true when there are none. */
	static boolean gate(ServiceGuide g, Errors errors) {
		List<PublishingGate.Violation> violations = PublishingGate.check(g);
		for (PublishingGate.Violation v : violations) {
			errors.rejectValue(v.field().replaceAll("\\[\\d+]", ""), "gate." + v.rule());
		}
		return violations.isEmpty();
	}

	private Optional<ItemVersion> open(CatalogItem item) {
		return versions.findByItemIdAndStatus(item.id(), ItemStatus.DRAFT)
			.or(() -> versions.findByItemIdAndStatus(item.id(), ItemStatus.SUBMITTED));
	}

	/** Another department's item is "not found", not "forbidden": its existence is not revealed. */
	private CatalogItem visible(Editor e, String code) {
		return items.findByCode(code)
			.filter(i -> e.platformAdmin() || i.departmentCode().equals(e.departmentCode()))
			.orElseThrow(() -> DomainException.notFound("item"));
	}

	private static void requirePlatformAdmin(Editor e) {
		if (!e.platformAdmin()) {
			throw DomainException.notFound("item");
		}
	}

	private void audit(CatalogItem item, int versionNo, Editor e, String action, ServiceGuide before, ServiceGuide after) {
		Map<String, List<String>> diff = new LinkedHashMap<>();
		if (after != null) {
			JsonNode a = json.valueToTree(after);
			JsonNode b = before == null ? null : json.valueToTree(before);
			for (Iterator<String> it = a.propertyNames().iterator(); it.hasNext();) {
				String field = it.next();
				JsonNode old = b == null ? null : b.get(field);
				if (b != null && "form".equals(field) && old != null) {
					formDiff(old, a.get(field), diff);
				}
				else if (b == null || !a.get(field).equals(old)) {
					diff.put(field, Arrays.asList(old == null ? null : text(old), text(a.get(field))));
				}
			}
		}
		jdbc.sql("insert into catalog_audit (item_id, version_no, actor_id, actor_name, action, diff) values (?, ?, ?, ?, ?, ?::jsonb)")
			.params(item.id(), versionNo, e.accountId(), e.name(), action, json.writeValueAsString(diff))
			.update();
		// publishing also goes into the tamper-evident trail
		if (action.equals("PUBLISHED")) {
			trail.record(AuditTrail.PUBLISH, e.name(), "item:" + item.code(), action + " version " + versionNo);
		}
	}

	/** The form's changes field by field ({@code form.<key>}), in the order of the new form, then removed fields. */
	private static void formDiff(JsonNode before, JsonNode after, Map<String, List<String>> diff) {
		Map<String, JsonNode> old = new LinkedHashMap<>();
		before.path("fields").forEach(f -> old.put(f.path("key").asString(""), f));
		int position = 0;
		for (JsonNode f : after.path("fields")) {
			String key = f.path("key").asString("");
			JsonNode was = old.remove(key);
			if (was == null || !was.equals(f)) {
				diff.put("form." + key, Arrays.asList(was == null ? null : was.toString(), f.toString()));
			}
			position++;
		}
		old.forEach((key, was) -> diff.put("form." + key, Arrays.asList(was.toString(), null)));
		if (position > 0 && diff.isEmpty() && !before.equals(after)) {
			diff.put("form", Arrays.asList("字段顺序", "字段顺序已调整"));
		}
	}

	private static String text(JsonNode n) {
		return n.isString() ? n.asString() : n.toString();
	}
}
