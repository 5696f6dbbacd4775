package tongban.insight.dashboards;

import tongban.shared.DomainException;

/**
 * A request for indicators that cannot be answered: which parameter ({@code field}) and the value it had, so that the
 * API's problem and the page's message beside the field can name it. The code is also the message key suffix
 * ({@code insight.dash.error.<code>}).
 */
class IndicatorRefused extends DomainException {

	private final String field;
	private final String value;

	IndicatorRefused(String code, String field, String value) {
		super(Kind.INVALID, code, field + ": " + value, value);
		this.field = field;
		this.value = value;
	}

	String field() {
		return field;
	}

	String value() {
		return value;
	}
}
