package tongban.insight.trends.web;

import org.springframework.stereotype.Component;

import tongban.hotline.HotlineCatalogue;
import tongban.insight.trends.TopicAlerts.TopicAlert;
import tongban.insight.trends.TrendScope;

/** Alerts as pages show them: the category's name (or the term) and the township's name. */
@Component
class AlertRows {

	/** An alert as listed: what the topic is called and where. */
	record AlertRow(TopicAlert alert, String topicLabel, String township) {
	}

	private final HotlineCatalogue catalogue;
	private final TrendScope scope;

	AlertRows(HotlineCatalogue catalogue, TrendScope scope) {
		this.catalogue = catalogue;
		this.scope = scope;
	}

	AlertRow row(TopicAlert alert) {
		String label = alert.category() ? catalogue.names().getOrDefault(alert.topic(), alert.topic()) + "（" + alert.topic() + "）" : alert.topic();
		return new AlertRow(alert, label, scope.regionName(alert.townshipCode()));
	}
}
