import { AuthenticationError, createTollFreeClient } from "@tf-orders/client";

const client = createTollFreeClient({
  credentials: { username: "portal-user", password: process.env.TF_PASSWORD ?? "" },
});

try {
  // Cached for later calls; the client logs in again by itself when the token expires.
  const token = await client.authenticate();
  console.log(`Logged in; the token has ${token.length} characters (never log the token itself)`);
} catch (error) {
  if (error instanceof AuthenticationError) console.error("Wrong user name or password, or no API access");
  else throw error;
}
