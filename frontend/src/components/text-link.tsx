import { Link, type LinkProps } from 'react-router';

/** An in-app link styled as inline text. */
export function TextLink({ className = '', ...rest }: LinkProps) {
  return (
    <Link
      className={`font-medium text-brand-700 underline-offset-2 hover:text-brand-800 hover:underline ${className}`}
      {...rest}
    />
  );
}
