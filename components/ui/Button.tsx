import type { AnchorHTMLAttributes, ButtonHTMLAttributes, ReactNode } from 'react';
import { cx } from './cx';
import { Link, type Route } from './Link';

export type ButtonVariant = 'primary' | 'secondary' | 'warning';

type Common = {
  variant?: ButtonVariant;
  className?: string;
  children: ReactNode;
};

export type ButtonAsButtonProps = Common & ButtonHTMLAttributes<HTMLButtonElement> & { href?: undefined };
export type ButtonAsLinkProps<T extends string = string> = Common &
  Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { href: Route<T> };
export type ButtonProps<T extends string = string> = ButtonAsButtonProps | ButtonAsLinkProps<T>;

/**
 * GOV.UK button. With `href` it renders a link styled as a button (for "Start now" style navigation);
 * otherwise a real <button>, type "submit" unless told otherwise, so forms work without JavaScript.
 */
export function Button<T extends string>(props: ButtonProps<T>) {
  const { variant = 'primary', className, children } = props;
  const classes = cx('button', `button--${variant}`, className);
  if (isLink(props)) {
    const { variant: _v, className: _c, children: _ch, href, ...rest } = props;
    return (
      <Link href={href} className={classes} draggable={false} {...rest}>
        {children}
      </Link>
    );
  }
  const { variant: _v, className: _c, children: _ch, href: _h, type = 'submit', ...rest } = props;
  return (
    <button type={type} className={classes} {...rest}>
      {children}
    </button>
  );
}

function isLink<T extends string>(props: ButtonProps<T>): props is ButtonAsLinkProps<T> {
  return props.href !== undefined;
}

/** Lays out a primary button with secondary buttons or a "Cancel" link beside it. */
export function ButtonGroup({ children, className }: { children: ReactNode; className?: string }) {
  return <div className={cx('button-group', className)}>{children}</div>;
}
