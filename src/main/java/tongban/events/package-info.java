/**
 * Events to other systems: the facts other governments' and departments' systems need (a case submitted, accepted and
 * concluded, a licence issued and revoked, a 12345 ticket closed, a rating given) published to Kafka topics through
 * Spring Modulith's event externalisation, the outbox being Modulith's publication registry in PostgreSQL; each as a
 * public message of ids, codes, states and times only (docs/decisions/0047-events-to-kafka.md, docs/events).
 */
@ApplicationModule(displayName = "Events to Kafka")
package tongban.events;

import org.springframework.modulith.ApplicationModule;
