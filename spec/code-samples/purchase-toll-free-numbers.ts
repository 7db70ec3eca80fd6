import {
  createTollFreeClient,
  type OrderRequest,
  PaymentRequiredError,
  UnprocessableEntityError,
} from "@tf-orders/client";

// The client logs in with these credentials and sends the token itself.
const client = createTollFreeClient({
  credentials: { username: "portal-user", password: process.env.TF_PASSWORD ?? "" },
});

const order: OrderRequest = {
  numbers: [{ countryCode: "1", number: "8882223456" }],
  packageID: 1234567,
  serviceArea: 4,
  referenceID: "PO-2026-0042",
};

try {
  const { orderID, batches } = await client.purchaseTollFreeNumbers(order);
  console.log(`Order ${orderID} accepted in ${batches.length} batch(es)`);
} catch (error) {
  if (error instanceof UnprocessableEntityError) {
    console.error(`Fix '${error.parameter}': ${error.message}`);
  } else if (error instanceof PaymentRequiredError) {
    console.error(`Trial limit: ${error.message}`);
  } else {
    // A timeout or dropped connection leaves the outcome unknown: check your orders, do not resend.
    throw error;
  }
}
