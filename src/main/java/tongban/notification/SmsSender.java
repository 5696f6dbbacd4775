package tongban.notification;

/** Sends one text message. Replace the bean to reach a real SMS gateway. */
public interface SmsSender {

	void send(String mobile, String text);
}
