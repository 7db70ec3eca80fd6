# Against the local mock (`npm start`); for production use https://customer.intelepeer.com and a real
# token from POST /_rest/v4/authenticate. A production order is billed: never resend one whose outcome
# you do not know.
curl -sS -X POST 'http://127.0.0.1:4010/_rest/v3/my/tf/orders' \
  -H 'Authorization: YOUR_API_TOKEN' \
  -H 'Content-Type: application/json' \
  -H 'Accept: application/json' \
  --data '{"numbers":[{"countryCode":"1","number":"8882223456"}],"packageID":1234567,"serviceArea":4}'
