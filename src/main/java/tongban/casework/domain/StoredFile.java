package tongban.casework.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/** A file of a case as the file store keeps it: what a material row or a form's file field refers to. */
public record StoredFile(String fileId, String sha256, long size, String contentType, String name) {

	/** The reference as a form's file field keeps it among the form values. */
	public Map<String, Object> asFormValue() {
		Map<String, Object> ref = new LinkedHashMap<>();
		ref.put("fileId", fileId);
		ref.put("sha256", sha256);
		ref.put("size", size);
		ref.put("contentType", contentType);
		ref.put("name", name);
		return ref;
	}
}
