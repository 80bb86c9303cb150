#!/usr/bin/env bash
# The newcomer path end to end, against a running gateway (start it first with scripts/run.sh):
# a fresh copy of contracts/samples/invoice-v2.xml is signed with the demo key and uploaded over REST (scripts/esf upload)
# and over SOAP (curl: createSession with a WS-Security UsernameToken, syncInvoice, queryInvoiceById until CREATED,
# closeSession). Reads .esf/demo.json, which the gateway writes at start-up. Exits 1 unless both invoices end CREATED.
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
