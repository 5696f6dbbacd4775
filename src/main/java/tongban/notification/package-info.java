/** In-app messages, e-mail and SMS; the default SMS sender keeps messages in an outbox. */
package tongban.notification;
