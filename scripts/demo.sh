#!/usr/bin/env bash
# The newcomer path end to end, against a running gateway (start it first with scripts/run.sh):
# a fresh copy of contracts/samples/invoice-v2.xml is signed with the demo key and uploaded over REST (scripts/esf upload)
# and over SOAP (curl: createSession with a WS-Security UsernameToken, syncInvoice, queryInvoiceById until CREATED,
# closeSession). Reads .esf/demo.json, which the gateway writes at start-up. Exits 1 unless both invoices end CREATED.
# Then, when the sandbox is on (scripts/run.sh turns it on; docs/sandbox.md), the sandbox walk: two enterprises, their heads
# and keys made with /api/v1/sandbox/*, an invoice uploaded and confirmed by the buyer, its corrected invoice, the buyer's
# clock moved past the 10-day decline window, a failure on demand and a retry, a 503 and a retry after Retry-After, a reset.
# The sandbox's AUTH and SIGN keys are separate and the CLI logs in with the signing key, so the walk logs in and uploads
# with curl and uses the CLI only to sign. Exits 1 when a step does not answer what the walk expects.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$ROOT"
DEMO=.esf/demo.json
[[ -f "$DEMO" ]] || { echo "demo.sh: $DEMO is missing: start the gateway with scripts/run.sh first" >&2; exit 1; }
demo() { python3 -c "import json,sys; print(json.load(open('$DEMO'))[sys.argv[1]])" "$1"; }
URL=$(demo url)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

fresh_invoice() { # a copy of the sample with a number nobody used yet, dated today
    local num today
    num=$(date +%s%N | cut -c1-15)
    today=$(TZ=Asia/Almaty date +%d.%m.%Y)
    # Without a final newline: the shell drops it from $(...) below, and the signature covers every byte.
    printf '%s' "$(sed -e "s|<num>1001</num>|<num>$num</num>|" -e "s|15\.11\.2026|$today|g" contracts/samples/invoice-v2.xml)" > "$1"
}

echo "== REST: scripts/esf upload (signs with the demo key, logs in, uploads, waits)"
fresh_invoice "$WORK/rest.xml"
scripts/esf upload "$WORK/rest.xml" --wait

echo "== SOAP: createSession, syncInvoice, queryInvoiceById, closeSession"
fresh_invoice "$WORK/soap.xml"
SIGNATURE=$(scripts/esf sign --invoice "$WORK/soap.xml")
CERTIFICATE=$(cat "$(demo certificatePath)")
soap() { # soap <Service> <body-xml> [username-token]
    local header=""
    if [[ -n "${3:-}" ]]; then
        header="<soapenv:Header><wsse:Security xmlns:wsse=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd\" soapenv:mustUnderstand=\"1\"><wsse:UsernameToken><wsse:Username>$(demo userIin)</wsse:Username><wsse:Password>$(demo password)</wsse:Password></wsse:UsernameToken></wsse:Security></soapenv:Header>"
    fi
    curl -s "$URL/esf-web/ws/api1/$1" -H 'Content-Type: text/xml; charset=utf-8' -H 'SOAPAction: ""' --data-binary @- <<XML
<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:esf="esf">$header<soapenv:Body>$2</soapenv:Body></soapenv:Envelope>
XML
}
text_of() { python3 -c "import sys,re; m=re.search(r'<$1>(.*?)</$1>', sys.stdin.read(), re.S); print(m.group(1) if m else '')"; }

CREDENTIALS="<tin>$(demo sellerTin)</tin><x509Certificate>$CERTIFICATE</x509Certificate>"
ANSWER=$(soap SessionService "<esf:createSessionRequest>$CREDENTIALS</esf:createSessionRequest>" token)
if [[ "$ANSWER" == *"already has opened session"* ]]; then # an interrupted earlier run left it open: close it, once
    echo "the demo user had an open session: closeSessionByCredentials, then createSession again"
    soap SessionService "<esf:closeSessionByCredentialsRequest>$CREDENTIALS</esf:closeSessionByCredentialsRequest>" token > /dev/null
    ANSWER=$(soap SessionService "<esf:createSessionRequest>$CREDENTIALS</esf:createSessionRequest>" token)
fi
SESSION=$(echo "$ANSWER" | text_of sessionId)
[[ -n "$SESSION" ]] || { echo "demo.sh: createSession failed" >&2; exit 1; }
echo "session opened (its id is a credential: not printed)"
BODY=$(python3 -c "import sys,html; print(html.escape(open(sys.argv[1], encoding='utf-8').read(), quote=False), end='')" "$WORK/soap.xml")
ANSWER=$(soap UploadInvoiceService "<esf:syncInvoiceRequest><sessionId>$SESSION</sessionId><invoiceUploadInfoList><invoiceUploadInfo><invoiceBody>$BODY</invoiceBody><version>InvoiceV2</version><signature>$SIGNATURE</signature><signatureType>COMPANY</signatureType></invoiceUploadInfo></invoiceUploadInfoList><x509Certificate>$CERTIFICATE</x509Certificate></esf:syncInvoiceRequest>")
ID=$(echo "$ANSWER" | text_of id)
[[ -n "$ID" ]] || { echo "demo.sh: syncInvoice declined it: $ANSWER" >&2; exit 1; }
echo "accepted as invoice $ID"
OUTCOME="not registered within 30 seconds"
for _ in $(seq 1 60); do
    STATUS=$(soap InvoiceService "<esf:queryInvoiceByIdRequest><sessionId>$SESSION</sessionId><idList><id>$ID</id></idList></esf:queryInvoiceByIdRequest>")
    case "$(echo "$STATUS" | text_of invoiceStatus)" in
        CREATED) OUTCOME=CREATED; echo "CREATED, registration number $(echo "$STATUS" | text_of registrationNumber)"; break ;;
        FAILED) OUTCOME=FAILED; echo "FAILED: $(echo "$STATUS" | text_of cancelReason)"; break ;;
    esac
    sleep 0.5
done
soap SessionService "<esf:closeSessionRequest><sessionId>$SESSION</sessionId></esf:closeSessionRequest>" token | text_of status
[[ "$OUTCOME" == CREATED ]] || { echo "demo.sh: invoice $ID $OUTCOME" >&2; exit 1; }

SANDBOX_KEY=$(python3 -c "import json; print(json.load(open('$DEMO')).get('sandboxKey') or '')")
if [[ -z "$SANDBOX_KEY" ]]; then
    echo "== Sandbox: off (it is on only in Development: scripts/run.sh), its walk is skipped"
    exit 0
fi

echo "== Sandbox: a world of two enterprises made with /api/v1/sandbox/*, then upload, confirm, the clock, faults and retries"
API="$URL/api/v1"
fail() { echo "demo.sh: $*" >&2; exit 1; }
json() { # json <key|index>...: the value at that path of the JSON on standard input
    python3 -c "$(printf '%s\n' 'import json,sys' 'v=json.load(sys.stdin)' 'for k in sys.argv[1:]: v=v[int(k)] if isinstance(v,list) else v[k]' 'print(v)')" "$@"
}
call() { # call <expected-status> <METHOD> <url> [json-body] [extra curl args...]: prints the body, fails on another status
    local expected=$1 method=$2 url=$3 status data=()
    [[ -n "${4:-}" ]] && data=(--data-binary "$4")
    shift $(( $# < 4 ? $# : 4 ))
    status=$(curl -s -o "$WORK/answer" -w '%{http_code}' -X "$method" "$url" -H 'Content-Type: application/json' "${data[@]}" "$@")
    [[ "$status" == "$expected" ]] || fail "$method $url answered $status, not $expected: $(cat "$WORK/answer")"
    cat "$WORK/answer"
}
sandbox() { call "$1" "$2" "$API/sandbox/$3" "${4:-}" -H "X-Sandbox-Key: $SANDBOX_KEY"; }

# party <name>: a ЮЛ (БИН generated with its control digit), its head (ADMIN_ENTERPRISE) and the head's AUTH and SIGN keys,
# written to $WORK/<name>.{tin,login,auth,sign}.p12 with the PKCS#12 passwords beside them.
party() {
    local name=$1 tin login purpose key
    tin=$(sandbox 201 POST taxpayers '{"kind":"LEGAL_ENTITY","bankAccounts":[{"iik":"KZ126010001000123456","bik":"HSBKKZKX","kbe":"17"}]}' | json tin)
    login=$(sandbox 201 POST users "{\"password\":\"Sandbox2026pass\",\"enterprises\":[{\"tin\":\"$tin\",\"businessProfileType\":\"ADMIN_ENTERPRISE\"}]}" | json login)
    for purpose in AUTH SIGN; do
        key=$(sandbox 201 POST keys "{\"iin\":\"$login\",\"bin\":\"$tin\",\"purpose\":\"$purpose\",\"role\":\"HEAD\"}")
        echo "$key" | json pkcs12 | base64 -d > "$WORK/$name.${purpose,,}.p12"
        echo "$key" | json password > "$WORK/$name.${purpose,,}.password"
        echo "$key" | json certificate > "$WORK/$name.${purpose,,}.cer"
    done
    echo "$tin" > "$WORK/$name.tin"
    echo "$login" > "$WORK/$name.login"
    echo "$name: БИН $tin, head $login, AUTH and SIGN keys from the sandbox CA"
}
of() { cat "$WORK/$1.$2"; }
session() { # session <name>: logs the head in with its AUTH key (POST /sessions), prints the bearer token
    call 201 POST "$API/sessions" "{\"tin\":\"$(of "$1" tin)\",\"certificate\":\"$(of "$1" auth.cer)\",\"login\":\"$(of "$1" login)\",\"password\":\"Sandbox2026pass\"}" | json sessionId
}
sign() { # sign <name> <what> <file>: the CLI signs with the party's SIGN key
    scripts/esf sign "--$2" "$3" --pkcs12 "$WORK/$1.sign.p12" --password "$(of "$1" sign.password)"
}
upload() { # upload <file>: the seller signs and uploads it over REST, prints its id
    local signature body
    signature=$(sign seller invoice "$1")
    body=$(python3 -c "import json,sys; print(json.dumps({'certificate': sys.argv[2], 'invoices': [{'body': open(sys.argv[1], encoding='utf-8').read(), 'version': 'InvoiceV2', 'signature': sys.argv[3], 'signatureType': 'COMPANY'}]}))" "$1" "$(of seller sign.cer)" "$signature")
    call 202 POST "$API/invoices" "$body" -H "Authorization: Bearer $SELLER" | json accepted 0 id
}
processed() { # processed <id>: polls its status until CREATED or FAILED, prints the status JSON
    local answer
    for _ in $(seq 1 60); do
        answer=$(call 200 GET "$API/invoices/$1/status" "" -H "Authorization: Bearer $SELLER")
        case "$(echo "$answer" | json status)" in CREATED|FAILED) echo "$answer"; return ;; esac
        sleep 0.5
    done
    fail "invoice $1 was not processed within 30 seconds"
}
between_the_parties() { # between_the_parties <file>: a fresh invoice from the seller to the customer of the sandbox world
    fresh_invoice "$1"
    sed -i -e "s|<tin>123456789021</tin>|<tin>$(of seller tin)</tin>|" -e "s|<tin>123456789011</tin>|<tin>$(of customer tin)</tin>|" "$1"
    printf '%s' "$(cat "$1")" > "$1"
}

party seller
party customer
SELLER=$(session seller)
CUSTOMER=$(session customer)

between_the_parties "$WORK/original.xml"
ORIGINAL=$(upload "$WORK/original.xml")
ANSWER=$(processed "$ORIGINAL")
[[ $(echo "$ANSWER" | json status) == CREATED ]] || fail "invoice $ORIGINAL: $ANSWER"
NUMBER=$(echo "$ANSWER" | json registrationNumber)
echo "invoice $ORIGINAL CREATED, registration number $NUMBER"
call 200 POST "$API/invoices/$ORIGINAL/confirm" "" -H "Authorization: Bearer $CUSTOMER" > /dev/null
STATUS=$(call 200 GET "$API/invoices/$ORIGINAL/status" "" -H "Authorization: Bearer $CUSTOMER" | json status)
echo "the customer confirms it: $STATUS"

# Only corrected and additional invoices can be declined (within 10 days): the seller corrects the original.
between_the_parties "$WORK/corrected.xml"
ORIGINAL_NUM=$(text_of num < "$WORK/original.xml")
ORIGINAL_DATE=$(text_of date < "$WORK/original.xml")
sed -i -e 's|ORDINARY_INVOICE|FIXED_INVOICE|' \
    -e "s|<turnoverDate>|<relatedInvoice><date>$ORIGINAL_DATE</date><num>$ORIGINAL_NUM</num><registrationNumber>$NUMBER</registrationNumber></relatedInvoice><turnoverDate>|" "$WORK/corrected.xml"
printf '%s' "$(cat "$WORK/corrected.xml")" > "$WORK/corrected.xml"
CORRECTED=$(upload "$WORK/corrected.xml")
ANSWER=$(processed "$CORRECTED")
[[ $(echo "$ANSWER" | json status) == CREATED ]] || fail "corrected invoice $CORRECTED: $ANSWER"
STATUS=$(call 200 GET "$API/invoices/$ORIGINAL/status" "" -H "Authorization: Bearer $SELLER" | json status)
echo "corrected invoice $CORRECTED CREATED; the original is now $STATUS"

NOW=$(sandbox 200 PUT clock "{\"tin\":\"$(of customer tin)\",\"days\":11}" | json now)
echo "the customer's world moves 11 days ahead: its now is $NOW"
printf '%s|%s' "$CORRECTED" "не согласны" > "$WORK/decline.txt"
DECLINE=$(python3 -c "import json,sys; print(json.dumps({'reason': 'не согласны', 'signature': sys.argv[1], 'certificate': sys.argv[2]}))" \
    "$(sign customer ids "$WORK/decline.txt")" "$(of customer sign.cer)")
REFUSAL=$(call 422 POST "$API/invoices/$CORRECTED/decline" "$DECLINE" -H "Authorization: Bearer $CUSTOMER" | json errorCode)
echo "its decline of $CORRECTED after the 10-day window: $REFUSAL"
sandbox 200 PUT clock "{\"tin\":\"$(of customer tin)\",\"days\":0}" > /dev/null
call 200 POST "$API/invoices/$CORRECTED/decline" "$DECLINE" -H "Authorization: Bearer $CUSTOMER" > /dev/null
STATUS=$(call 200 GET "$API/invoices/$CORRECTED/status" "" -H "Authorization: Bearer $SELLER" | json status)
echo "the clock back, the same decline: $STATUS"

sandbox 204 POST faults "{\"kind\":\"FAIL_NEXT_INVOICES\",\"tin\":\"$(of seller tin)\",\"count\":1,\"ruleId\":\"UPL-02\"}" > /dev/null
between_the_parties "$WORK/failing.xml"
FAILING=$(upload "$WORK/failing.xml")
ANSWER=$(processed "$FAILING")
[[ $(echo "$ANSWER" | json status) == FAILED ]] || fail "the failure on demand did not come: $ANSWER"
echo "a failure on demand: invoice $FAILING FAILED with $(echo "$ANSWER" | json errors 0 ruleId)"
RETRIED=$(upload "$WORK/failing.xml")
STATUS=$(processed "$RETRIED" | json status)
[[ "$STATUS" == CREATED ]] || fail "the retry of the failed invoice is $STATUS"
echo "the same invoice sent again: $RETRIED $STATUS"

sandbox 204 POST faults '{"kind":"UNAVAILABLE","count":1,"retryAfterSeconds":1}' > /dev/null
RETRY_AFTER=$(curl -s -o /dev/null -D - "$API/invoices/$RETRIED/status" -H "Authorization: Bearer $SELLER" | tr -d '\r' | awk -F': ' 'tolower($1)=="retry-after" { print $2 }')
[[ -n "$RETRY_AFTER" ]] || fail "the next call did not answer 503 with Retry-After"
sleep "$RETRY_AFTER"
STATUS=$(call 200 GET "$API/invoices/$RETRIED/status" "" -H "Authorization: Bearer $SELLER" | json status)
echo "503 with Retry-After: $RETRY_AFTER; the retry after it: $STATUS"

REMOVED=$(sandbox 200 POST reset "{\"tin\":\"$(of seller tin)\"}" | json removedInvoices)
echo "reset: $REMOVED invoices of the seller removed"
