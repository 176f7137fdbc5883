#!/usr/bin/python3
"""A real SMTP server for tests (Debian's python3-aiosmtpd) on a loopback port.

Every accepted message is kept as <n>.eml and, parsed by Python's email package, as <n>.json
(headers, every MIME part decoded, attachments, and the From/To mailboxes as read with the
package's strict policy) so tests can assert what was actually received.
Recipients containing "reject" get 550, "tempfail" get 451; --delay-ms slows each DATA down.
While a file named "throttle" exists in --dir, every MAIL FROM gets 421 "too many messages"; while
one named "refuse-sender" exists, every MAIL FROM gets 553. Each accepted message adds a byte to
count.bin (after its files are written), so it can be counted without listing the folder.
Options: --no-smtputf8 (do not offer SMTPUTF8), --starttls or --implicit-tls with --cert and --key,
--fast (only count messages in count.bin, without parsing or keeping them: benchmarks),
--spool (the same, but each message is also written to a file of its own, as a mail server's queue would),
--max-connections N (a connection beyond N open ones is greeted "421 too many connections" and closed; each such refusal
is a line in refused-connections.log).
Prints "ready <port>" once it accepts connections; stops on SIGTERM.
"""
import argparse, asyncio, email, email.errors, email.parser, email.policy, json, os, signal, ssl, threading, time
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP

parser = argparse.ArgumentParser()
parser.add_argument("--port", type=int, required=True)
parser.add_argument("--dir", required=True)
parser.add_argument("--delay-ms", type=int, default=0)
parser.add_argument("--no-smtputf8", action="store_true")
parser.add_argument("--starttls", action="store_true")
parser.add_argument("--implicit-tls", action="store_true")
parser.add_argument("--cert")
parser.add_argument("--key")
parser.add_argument("--fast", action="store_true")
parser.add_argument("--spool", action="store_true")
parser.add_argument("--max-connections", type=int, default=0)
args = parser.parse_args()
os.makedirs(args.dir, exist_ok=True)
counter = {"n": 0}
lock = threading.Lock()


def strict_header(raw, name, smtputf8=False):
    """One header of the raw headers (as compat32 keeps them) as the strict policy parses it; any
    defect it finds is an error, but for a UTF-8 local part in a message sent with SMTPUTF8, which
    RFC 6532 allows."""
    values = [v for k, v in raw.items() if k.lower() == name.lower()]
    if len(values) != 1:
        raise ValueError(f"{len(values)} {name} headers")
    header = email.policy.strict.header_fetch_parse(name, values[0])
    defects = [d for d in header.defects if not (smtputf8 and isinstance(d, email.errors.NonASCIILocalPartDefect))]
    if defects:
        raise ValueError(f"{name}: " + "; ".join(f"{type(d).__name__} {d}" for d in defects))
    return header


def mailboxes(header):
    return [{"name": a.display_name, "address": a.addr_spec} for a in header.addresses] if header is not None else []


class Handler:
    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        if os.path.exists(os.path.join(args.dir, "throttle")):
            return "421 4.7.0 Too many messages from your IP, slow down and try again later"
        if os.path.exists(os.path.join(args.dir, "refuse-sender")):
            return f"553 5.7.1 <{address}>: Sender address rejected: not owned by the signed-in user"
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if "reject" in address:
            with lock, open(os.path.join(args.dir, "rejected.log"), "a", encoding="utf-8") as f:
                f.write(address + "\n")
            return f"550 5.1.1 <{address}>: Recipient address rejected: User unknown"
        if "tempfail" in address:
            return f"451 4.3.0 <{address}>: Mailbox temporarily unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if args.delay_ms:
            await asyncio.sleep(args.delay_ms / 1000)
        raw = envelope.original_content or envelope.content
        if args.fast or args.spool:
            with lock:
                counter["n"] += 1
                n = counter["n"]
            if args.spool:  # as a mail server's queue would: the message in a file of its own
                with open(os.path.join(args.dir, f"{n:07d}.eml"), "wb") as f:
                    f.write(raw)
            with lock, open(os.path.join(args.dir, "count.bin"), "ab") as f:
                f.write(b"1")
            return "250 2.0.0 Message accepted for delivery"
        message = email.message_from_bytes(raw, policy=email.policy.default)
        # Headers may be raw UTF-8 (RFC 6532, sent with SMTPUTF8): read them as text, not as ASCII with escapes.
        text = raw.decode("utf-8", "replace")
        head = email.parser.Parser(policy=email.policy.default).parsestr(text, headersonly=True)
        try:
            utf8 = "SMTPUTF8" in envelope.mail_options
            raw_headers = email.parser.Parser(policy=email.policy.compat32).parsestr(text, headersonly=True)
            strict_read = {"from": mailboxes(strict_header(raw_headers, "From", utf8)), "to": mailboxes(strict_header(raw_headers, "To", utf8)),
                           "subject": str(strict_header(raw_headers, "Subject")), "error": None}
        except Exception as e:  # the strict policy raises on any defect: that is what the tests look for
            strict_read = {"from": [], "to": [], "subject": None, "error": f"{type(e).__name__}: {e}"}
        parts, attachments = [], []
        for part in message.walk():
            if part.is_multipart():
                continue
            if part.get_content_disposition() == "attachment":
                attachments.append({"filename": part.get_filename(), "contentType": part.get_content_type(),
                                    "contentTypeHeader": str(part.get("Content-Type")),
                                    "content": part.get_content() if part.get_content_maintype() == "text" else None,
                                    "size": len(part.get_payload(decode=True) or b"")})
            else:
                parts.append({"contentType": part.get_content_type(), "charset": part.get_content_charset(),
                              "content": part.get_content()})
        summary = {
            "messageId": head.get("Message-ID"), "subject": head.get("Subject"), "from": head.get("From"),
            "to": head.get("To"), "mailFrom": envelope.mail_from, "rcptTos": envelope.rcpt_tos,
            "contentType": message.get_content_type(), "parts": parts, "attachments": attachments,
            "headers": {k: str(v) for k, v in head.items()},
            "strict": strict_read, "mailOptions": list(envelope.mail_options), "size": len(raw),
            "peerPort": session.peer[1] if isinstance(session.peer, tuple) else 0,
        }
        with lock:
            counter["n"] += 1
            name = f"{time.time_ns()}-{counter['n']:06d}"
        with open(os.path.join(args.dir, name + ".eml.tmp"), "wb") as f:
            f.write(raw)
        os.replace(os.path.join(args.dir, name + ".eml.tmp"), os.path.join(args.dir, name + ".eml"))
        with open(os.path.join(args.dir, name + ".json.tmp"), "w", encoding="utf-8") as f:
            json.dump(summary, f)
        os.replace(os.path.join(args.dir, name + ".json.tmp"), os.path.join(args.dir, name + ".json"))
        with lock, open(os.path.join(args.dir, "count.bin"), "ab") as f:
            f.write(b"1")
        return "250 2.0.0 Message accepted for delivery"


smtp_parameters = {"enable_SMTPUTF8": not args.no_smtputf8}
if args.starttls or args.implicit_tls:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(args.cert, args.key)
    if args.starttls:
        smtp_parameters["tls_context"] = context
        smtp_parameters["require_starttls"] = True
    else:
        smtp_parameters["ssl_context"] = context


class LimitedSMTP(SMTP):
    """Refuses a connection beyond --max-connections open ones, as relays that limit connections per client do."""
    open_connections = 0

    def connection_made(self, transport):
        if args.max_connections and self.transport is None and LimitedSMTP.open_connections >= args.max_connections:
            self.refused = True
            transport.write(b"421 4.7.0 Too many connections from your address, try again later\r\n")
            transport.close()
            with lock, open(os.path.join(args.dir, "refused-connections.log"), "a") as f:
                f.write(f"{transport.get_extra_info('peername')}\n")
            return
        if self.transport is None:
            LimitedSMTP.open_connections += 1
            self.counted = True
        super().connection_made(transport)

    def connection_lost(self, error):
        if getattr(self, "refused", False):
            return
        if getattr(self, "counted", False):
            self.counted = False
            LimitedSMTP.open_connections -= 1
        super().connection_lost(error)


class LimitedController(Controller):
    def factory(self):
        return LimitedSMTP(self.handler, **self.SMTP_kwargs)


controller = LimitedController(Handler(), hostname="127.0.0.1", port=args.port, server_hostname="localhost", **smtp_parameters)
controller.start()
print(f"ready {args.port}", flush=True)
stop = threading.Event()
signal.signal(signal.SIGTERM, lambda *_: stop.set())
signal.signal(signal.SIGINT, lambda *_: stop.set())
stop.wait()
controller.stop()
