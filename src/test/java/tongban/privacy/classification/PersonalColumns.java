package tongban.privacy.classification;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a column's name says it may hold, by the platform's naming (snake_case, module prefix, {@code _enc} for
 * ciphertext under the data keys, {@code _index} for a blind index of an ID number or phone): the kinds of personal
 * data the 个人信息保护法 Art. 28 calls sensitive, and those any reader would take as personal (name, phone, address).
 * A name is personal when it names a person's role (applicant, payee, contact …), not an item's, a department's or a
 * file's; a bare {@code name} counts too, and the tables where it names a thing are listed as exemptions.
 */
final class PersonalColumns {

	private static final Map<String, Pattern> KINDS = new LinkedHashMap<>();

	static {
		KINDS.put("ID number", Pattern.compile("(^|_)(id_?number|id_?no|id_?card|identity_no|cert_no|sfz)(_|$)"));
		KINDS.put("phone", Pattern.compile("(^|_)(phone|mobile|tel|telephone)(_|$)"));
		KINDS.put("address", Pattern.compile("(^|_)(address|addr|domicile|residence)(_|$)"));
		KINDS.put("person's name", Pattern.compile("^name$|(^|_)(applicant|party|person|citizen|contact|holder|payee|payer|staff|handler|requester|"
				+ "requestor|caller|visitor|owner|representative|legal_rep|display|real|full|user|signer|recipient|submitter|reporter|agent|proxy|"
				+ "guardian|actor|assignee|clerk|officer|author|commenter|complainant|petitioner|leader|approver|operator|helper|worker)_?name(_|$)"));
		KINDS.put("birth date", Pattern.compile("(^|_)(birth|birthday|birth_date|date_of_birth|dob)(_|$)"));
		KINDS.put("location", Pattern.compile("(^|_)(lat|lng|lon|latitude|longitude|geo|location|coordinates|whereabouts)(_|$)"));
		KINDS.put("bank account", Pattern.compile("(^|_)(bank|bank_account|account_no|account_number|card_no|iban)(_|$)"));
		KINDS.put("health", Pattern.compile("(^|_)(health|medical|disease|diagnosis|disability|illness|biometric|face|fingerprint)(_|$)"));
		KINDS.put("ciphertext (_enc)", Pattern.compile("_enc$"));
		KINDS.put("blind index of a person", Pattern.compile("(^|_)(id|subject|mobile|phone|payee|holder|applicant|party|person)_index$"));
	}

	private PersonalColumns() {
	}

	/** The kind of personal data the column's name suggests, if any. */
	static Optional<String> suggested(String column) {
		return KINDS.entrySet().stream().filter(kind -> kind.getValue().matcher(column).find()).map(Map.Entry::getKey).findFirst();
	}

	/** A whole value that is an 18-character resident ID number (GB 11643) or a mainland mobile number, in plain text. */
	static final String PLAIN_ID_OR_MOBILE = "^([1-9][0-9]{16}[0-9Xx]|1[3-9][0-9]{9})$";
}
