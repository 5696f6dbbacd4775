package tongban.exchange;

/** A department system (an OAuth2 client with the exchange scope), the department it reads for, and its rate limit. */
public record ExchangeClient(String clientId, String departmentCode, int ratePerSecond) {
}
