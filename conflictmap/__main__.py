import sys

from .cli import main
from .config import StoreError

try:
    code = main()
except StoreError as exc:  # a store that is missing, mistyped or read-only: said in one line
    print(f"error: {exc}", file=sys.stderr)
    code = 2
raise SystemExit(code)
