package tongban.identity.web;

/** Whom to authorise (name and ID number of a registered citizen), for what, until when (yyyy-MM-dd). */
public record GrantForm(String name, String idNumber, String scope, String validUntil) {

	public static GrantForm empty() {
		return new GrantForm("", "", "", "");
	}
}
