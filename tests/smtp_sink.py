"""A real SMTP server for tests: aiosmtpd on loopback that saves every message it receives.

Usage: python3 smtp_sink.py OUT_DIR [REFUSE [PORT]]
Prints "READY <port>" once it accepts connections and "MAIL <n> <recipients>" after saving
message n as OUT_DIR/<n>.eml. With REFUSE, the first REFUSE messages get a temporary failure
(451), as from a mail server that is busy, and each prints "REFUSED <k>". With PORT it listens
there (a mail server that was down and comes back), else on a free port. Stops when its
standard input closes.
"""
import pathlib
import socket
import sys

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, out, refuse):
        self.out = pathlib.Path(out)
        self.count = 0
        self.refuse = refuse
        self.refused = 0

    async def handle_DATA(self, server, session, envelope):
        if self.refused < self.refuse:
            self.refused += 1
            print(f"REFUSED {self.refused}", flush=True)
            return "451 4.3.0 Try again later"
        self.count += 1
        (self.out / f"{self.count}.eml").write_bytes(envelope.original_content)
        print(f"MAIL {self.count} {','.join(envelope.rcpt_tos)}", flush=True)
        return "250 Message accepted"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


if __name__ == "__main__":
    port = int(sys.argv[3]) if len(sys.argv) > 3 else free_port()
    controller = Controller(Sink(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 0), hostname="127.0.0.1", port=port)
    controller.start()
    print(f"READY {port}", flush=True)
    sys.stdin.read()
    controller.stop()
