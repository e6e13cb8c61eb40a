import os
import sys

from .cli import main
from .config import StoreError

try:
    code = main()
except StoreError as exc:  # a store that is missing, mistyped or read-only: said in one line
    print(f"error: {exc}", file=sys.stderr)
    code = 2
except BrokenPipeError:  # the reader stopped early (`evaluate ... | head`): nothing more to say
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    code = 0
raise SystemExit(code)
