package tongban.shared;

/** An uploaded file as received: the name the sender gave it and its bytes (checked by {@link UploadCheck} before use). */
public record Upload(String name, byte[] bytes) {
}
