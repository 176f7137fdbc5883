#!/usr/bin/python3
"""A real SMTP server for tests (Debian's python3-aiosmtpd) on a loopback port.

Every accepted message is kept as <n>.eml and, parsed by Python's email package, as <n>.json
(headers, every MIME part decoded, attachments) so tests can assert what was actually received.
Recipients containing "reject" get 550, "tempfail" get 451; --delay-ms slows each DATA down.
Prints "ready <port>" once it accepts connections; stops on SIGTERM.
"""
import argparse, asyncio, email, email.policy, json, os, signal, threading, time
from aiosmtpd.controller import Controller

parser = argparse.ArgumentParser()
parser.add_argument("--port", type=int, required=True)
parser.add_argument("--dir", required=True)
parser.add_argument("--delay-ms", type=int, default=0)
args = parser.parse_args()
os.makedirs(args.dir, exist_ok=True)
counter = {"n": 0}
lock = threading.Lock()


class Handler:
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
        message = email.message_from_bytes(raw, policy=email.policy.default)
        parts, attachments = [], []
        for part in message.walk():
            if part.is_multipart():
                continue
            if part.get_content_disposition() == "attachment":
                attachments.append({"filename": part.get_filename(), "contentType": part.get_content_type(),
                                    "content": part.get_content() if part.get_content_maintype() == "text" else None,
                                    "size": len(part.get_payload(decode=True) or b"")})
            else:
                parts.append({"contentType": part.get_content_type(), "charset": part.get_content_charset(),
                              "content": part.get_content()})
        summary = {
            "messageId": message.get("Message-ID"), "subject": message.get("Subject"), "from": message.get("From"),
            "to": message.get("To"), "mailFrom": envelope.mail_from, "rcptTos": envelope.rcpt_tos,
            "contentType": message.get_content_type(), "parts": parts, "attachments": attachments,
            "headers": {k: str(v) for k, v in message.items()},
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
        return "250 2.0.0 Message accepted for delivery"


controller = Controller(Handler(), hostname="127.0.0.1", port=args.port)
controller.start()
print(f"ready {args.port}", flush=True)
stop = threading.Event()
signal.signal(signal.SIGTERM, lambda *_: stop.set())
signal.signal(signal.SIGINT, lambda *_: stop.set())
stop.wait()
controller.stop()
