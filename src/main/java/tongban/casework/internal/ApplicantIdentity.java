package tongban.casework.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import tongban.casework.Verified;
import tongban.catalog.FormDefinition;
import tongban.identity.IdentityManagement;
import tongban.identity.Party;

/**
 * The applicant's own name, ID number and phone in a citizen's application come from the account of the citizen it is
 * filed for (the signed-in person, or the principal when a proxy applies within their grant), never from what was
 * typed: a self-registered account cannot apply under 王小明's ID number. Each such value is kept as a
 * {@link Verified} of source {@link Verified#ACCOUNT}, with the account's level of
 * assurance, so the form shows it locked, a request that changes it is refused at the field, submission checks its
 * MAC, and the approver sees how it was obtained. A value already taken from a register (免提交) stays as served.
 */
@Component
public class ApplicantIdentity {

	/** Something the account changed: the values and their provenance as they are now, and the fields refused. */
	public record Bound(Map<String, Object> values, Map<String, Verified> provenance, List<String> refused) {
	}

	/** The MAC of a value bound to its case and field, as {@link tongban.casework.Applying} makes it. */
	public interface Mac {
		String of(String field, Object value);
	}

	private final IdentityManagement identity;

	ApplicantIdentity(IdentityManagement identity) {
		this.identity = identity;
	}

	/**
	 * The values with the applicant's own fields put from the party's account. {@code sent} are the values of the
	 * request (null when nothing was sent); a field sent with another value is named in {@link Bound#refused()}.
	 * Companies' applications and forms without such fields come back as they were.
	 */
	public Bound bind(Party party, FormDefinition form, Map<String, Object> values, Map<String, Verified> provenance,
			Map<String, ?> sent, Mac mac) {
		Map<String, Object> out = new LinkedHashMap<>(values);
		Map<String, Verified> sources = new LinkedHashMap<>(provenance);
		List<String> refused = new ArrayList<>();
		if (party.kind() != Party.Kind.CITIZEN) {
			return new Bound(out, sources, refused);
		}
		var account = identity.citizenIdentity(party.id()).orElse(null);
		if (account == null) {
			return new Bound(out, sources, refused);
		}
		for (FormDefinition.Field f : form.topLevel()) {
			if (f.applicant() == null) {
				continue;
			}
			Verified earlier = sources.get(f.key());
			if (earlier != null && !earlier.fromAccount()) {
				continue; // taken from a register with consent: stays as served
			}
			String value = switch (f.applicant()) {
				case NAME -> account.name();
				case ID_NUMBER -> account.idNumber();
				case PHONE -> account.mobile();
			};
			if (value == null) {
				continue;
			}
			Object typed = sent == null ? null : sent.get(f.key());
			if (typed != null && !String.valueOf(typed).isBlank()
					&& !String.valueOf(typed).replaceAll("\\s", "").equalsIgnoreCase(value)) {
				refused.add(f.key());
			}
			out.put(f.key(), value);
			sources.put(f.key(), new Verified(Verified.ACCOUNT, mac.of(f.key(), value), account.assuranceLevel()));
		}
		return new Bound(out, sources, refused);
	}
}
