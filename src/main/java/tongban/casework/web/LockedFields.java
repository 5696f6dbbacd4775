package tongban.casework.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;

import tongban.casework.Verified;
import tongban.identity.Actor;

/**
 * The fields of an application form the applicant cannot change, with what the page says beside each: 来自您的账号 (or the
 * principal's, for a proxy) for the applicant's own identity, the register's name for values taken with consent (免提交).
 */
final class LockedFields {

	private LockedFields() {
	}

	static Map<String, String> labels(Map<String, Verified> provenance, Actor a, MessageSource messages, Locale locale) {
		Map<String, String> out = new LinkedHashMap<>();
		provenance.forEach((field, v) -> out.put(field, !v.fromAccount()
				? messages.getMessage("case.prefill.verified", new Object[] { v.source() }, locale)
				: a.actingForSelf() ? messages.getMessage("case.fromAccount.self", null, locale)
						: messages.getMessage("case.fromAccount.principal", new Object[] { a.party().name() }, locale)));
		return out;
	}
}
