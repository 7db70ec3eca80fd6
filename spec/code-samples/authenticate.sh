# Against the local mock (`npm start`); for production use https://customer.intelepeer.com.
# The answer's `token` goes, as is, in the Authorization header of every other call.
curl -sS -X POST 'http://127.0.0.1:4010/_rest/v4/authenticate' \
  -H 'Content-Type: application/json' \
  -H 'Accept: application/json' \
  --data '{"username":"portal-user","password":"YOUR_PASSWORD"}'
