package tongban.hall.queue.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code tongban.hall.queue} (local rules, so configuration rather than code).
 *
 * @param phoneDistanceMetres how near the point a phone must be to take a number there (TONGBAN_HALL_QUEUE_PHONE_DISTANCE_METRES,
 *     default 1000)
 * @param defaultServiceMinutes the service time a wait is estimated with before the series served anybody that day
 *     (TONGBAN_HALL_QUEUE_DEFAULT_SERVICE_MINUTES, default 8)
 * @param heartbeatSeconds how often an open display page receives a heartbeat (default 15)
 */
@ConfigurationProperties("tongban.hall.queue")
public record QueueProperties(Integer phoneDistanceMetres, Integer defaultServiceMinutes, Integer heartbeatSeconds) {

	public QueueProperties {
		phoneDistanceMetres = phoneDistanceMetres == null || phoneDistanceMetres < 1 ? 1000 : phoneDistanceMetres;
		defaultServiceMinutes = defaultServiceMinutes == null || defaultServiceMinutes < 1 ? 8 : defaultServiceMinutes;
		heartbeatSeconds = heartbeatSeconds == null || heartbeatSeconds < 1 ? 15 : heartbeatSeconds;
	}
}
