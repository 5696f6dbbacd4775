package tongban.casework.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import tongban.casework.CaseView;
import tongban.casework.domain.StoredFile;
import tongban.catalog.FormDefinition;
import tongban.catalog.FormValidation;
import tongban.catalog.ServiceGuide;
import tongban.shared.DataKeys;
import tongban.shared.FileStore;
import tongban.shared.FileTypes;
import tongban.shared.Upload;
import tongban.shared.UploadCheck;
import tongban.shared.FieldProblem;

/**
 * What an application's form and files must be: the item's form validated with {@link FormValidation}, the required
 * materials present, each uploaded file checked by content and size before it is stored, and the MAC that binds a
 * verified value to its case and field.
 */
@Component
public class ApplicationForms {

	/** The problem of a file that could not be stored because the file store is down (not the file's fault). */
	public static final String STORE_UNAVAILABLE = "upload.error.store-unavailable";

	public static final long MAX_FILE = 10L * 1024 * 1024;

	private final FormValidation validation;
	private final FileStore files;
	private final DataKeys keys;

	ApplicationForms(FormValidation validation, FileStore files, DataKeys keys) {
		this.validation = validation;
		this.files = files;
		this.keys = keys;
	}

	public FormValidation.Result validate(ServiceGuide guide, Map<String, Object> values) {
		return validation.validate(guide.applicationForm(), forValidation(guide.applicationForm(), values));
	}

	/** The values as they will be kept: normalised by the validation, hidden fields and empty rows dropped, stored files as stored. */
	public Map<String, Object> cleaned(ServiceGuide guide, Map<String, Object> values) {
		return cleaned(validate(guide, values), values);
	}

	public static Map<String, Object> cleaned(FormValidation.Result validated, Map<String, Object> values) {
		Map<String, Object> out = new LinkedHashMap<>(validated.values());
		out.replaceAll((k, v) -> v instanceof FormValidation.FileRef ? values.get(k) : v);
		return out;
	}

	/** Stored file values become {@link FormValidation.FileRef}s for validation. */
	private static Map<String, Object> forValidation(FormDefinition form, Map<String, Object> values) {
		Map<String, Object> out = new LinkedHashMap<>(values);
		for (FormDefinition.Field f : form.fields()) {
			if (f.type() == FormDefinition.FieldType.FILE && out.get(f.key()) instanceof Map<?, ?> m) {
				out.put(f.key(), new FormValidation.FileRef(String.valueOf(m.get("name")), String.valueOf(m.get("contentType")),
						m.get("size") instanceof Number n ? n.longValue() : 0));
			}
		}
		return out;
	}

	/** What submission would refuse: form errors and required materials missing (容缺后补 ones may follow later). */
	public List<FieldProblem> check(CaseView caseView, ServiceGuide guide) {
		return check(caseView, guide, validate(guide, caseView.values()));
	}

	public static List<FieldProblem> check(CaseView caseView, ServiceGuide guide, FormValidation.Result validated) {
		List<FieldProblem> problems = new ArrayList<>();
		for (FormValidation.FieldError fe : validated.errors()) {
			problems.add(new FieldProblem(fe.path(), fe.code(), fe.args()));
		}
		for (int i = 0; i < guide.materials().size(); i++) {
			ServiceGuide.Material m = guide.materials().get(i);
			int index = i;
			boolean uploaded = caseView.materials().stream().anyMatch(x -> x.index() == index);
			if (needsUpload(m) && "REQUIRED".equals(m.necessity()) && !uploaded) {
				problems.add(new FieldProblem("material." + i, "case.error.material.required", List.of(m.name())));
			}
		}
		return problems;
	}

	/** Whether the applicant uploads this material (government-issued ones are fetched, not uploaded). */
	public static boolean needsUpload(ServiceGuide.Material material) {
		return !"GOVERNMENT".equals(material.source());
	}

	/** Checks an uploaded file by size, type (by content) and safety and stores it; else a problem at {@code path}. */
	public Optional<StoredFile> store(Upload upload, String path, List<FieldProblem> problems) {
		String name = upload.name() == null ? "" : upload.name();
		if (upload.bytes().length > MAX_FILE) {
			problems.add(new FieldProblem(path, "case.error.file.size", List.of(MAX_FILE / 1024 / 1024)));
			return Optional.empty();
		}
		Optional<String> type = FileTypes.detect(upload.bytes());
		if (type.isEmpty()) {
			problems.add(new FieldProblem(path, "case.error.file.type", List.of(name)));
			return Optional.empty();
		}
		Optional<UploadCheck.Problem> unsafe = UploadCheck.problem(upload.bytes(), type.get());
		if (unsafe.isPresent()) {
			problems.add(new FieldProblem(path, unsafe.get().messageKey(), List.of(name)));
			return Optional.empty();
		}
		FileStore.Stored s;
		try {
			s = files.put(upload.bytes(), type.get(), upload.name());
		}
		catch (FileStore.Unavailable e) {
			// the store is down for the moment: said beside the field, the rest of the form is kept
			problems.add(new FieldProblem(path, STORE_UNAVAILABLE, List.of(name)));
			return Optional.empty();
		}
		return Optional.of(new StoredFile(s.id(), s.sha256(), s.size(), s.contentType(),
				name.isBlank() ? "file." + FileTypes.extension(s.contentType()) : upload.name()));
	}

	/** The MAC that binds a verified value to its case and field. */
	public String verifiedMac(UUID caseId, String field, Object value) {
		return keys.mac(caseId + "|" + field + "|" + value);
	}
}
